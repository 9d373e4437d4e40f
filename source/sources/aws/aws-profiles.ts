// The AWS profiles the config and credentials files define, read with the AWS SDK's own loader,
// so `--profile nosuch` is told it does not exist (as `aws --profile nosuch` says) instead of
// being sent to `aws sso login`.

export interface AwsFiles {
  /** AWS_CONFIG_FILE, else ~/.aws/config. */
  configFile?: string | undefined;
  /** AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials. */
  credentialsFile?: string | undefined;
}

const filesOf = (env: NodeJS.ProcessEnv): AwsFiles => ({ configFile: env.AWS_CONFIG_FILE, credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE });

/** Profile names in the AWS config and credentials files, sorted. */
export async function awsProfileNames(env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const { loadSharedConfigFiles } = await import('@smithy/core/config');
  const files = filesOf(env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ignoreCache: true,
    ...(files.configFile ? { configFilepath: files.configFile } : {}),
    ...(files.credentialsFile ? { filepath: files.credentialsFile } : {}),
  });
  // The config file's other sections come back as `sso-session.NAME` / `services.NAME`.
  const fromConfig = Object.keys(configFile).filter((key) => !/^(sso-session|services)\./.test(key));
  return [...new Set([...fromConfig, ...Object.keys(credentialsFile)])].sort();
}

/**
 * Null when `profile` is defined, else the sentence saying it is not (naming the files and the
 * profiles they do define). `from` says where the name came from ("--profile").
 */
export async function missingAwsProfile(profile: string, from: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const names = await awsProfileNames(env).catch(() => [] as string[]);
  if (names.includes(profile)) return null;
  const files = filesOf(env);
  const where = `${files.configFile ?? '~/.aws/config'} or ${files.credentialsFile ?? '~/.aws/credentials'}`;
  const known = names.length > 0 ? `profiles: ${names.join(', ')}` : 'no profiles there';
  return `AWS profile "${profile}" (${from}) does not exist in ${where} (${known}); pass one of them, or create it with \`aws configure --profile ${profile}\``;
}
