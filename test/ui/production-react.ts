// Imported first by the scale test: measure React as the bundled CLI should run it (production
// build), not with development-only instrumentation that profiles every prop.
process.env.NODE_ENV = 'production';
