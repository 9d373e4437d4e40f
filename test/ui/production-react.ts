// Imported first by the scale test and scripts/bench-tui.tsx: run React as the bundled CLI does
// (production build), not with development-only instrumentation that profiles every prop.
process.env.NODE_ENV = 'production';
