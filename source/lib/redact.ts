// Credentials never reach a terminal or a log. Error texts from API servers, proxies, credential
// plugins and the AWS SDK are shown to users, so they pass through here first: whatever looks
// like a credential is replaced by <redacted>, and the rest of the text is kept.

const R = '<redacted>';

/** [pattern, replacement] pairs, applied in order. */
const SHAPES: Array<[RegExp, string]> = [
  // HTTP auth schemes: "Bearer x", "Basic x".
  [/\b(Bearer|Basic)(\s+)[^\s"',;)\]}]{8,}/gi, `$1$2${R}`],
  // EKS tokens from `aws eks get-token` / aws-iam-authenticator (a presigned STS URL, base64url).
  [/\bk8s-aws-v1\.[A-Za-z0-9_=-]+/g, `k8s-aws-v1.${R}`],
  // SigV4, header and query forms: Credential=AKIA.../date/region/service/aws4_request,
  // Signature=hex, X-Amz-Signature=hex, X-Amz-Credential=..., X-Amz-Security-Token=...
  [/\b((?:X-Amz-)?(?:Credential|Signature|Security-Token)\s*=\s*)[^\s&"',;)\]}]+/gi, `$1${R}`],
  // Header / key-value forms: "authorization: x", "x-amz-security-token=x", aws_secret_access_key = x.
  [
    /\b(authorization|x-amz-security-token|aws_secret_access_key|aws_session_token|secret_?access_?key|session_?token)(["']?\s*[:=]\s*["']?)[^\s"',;)\]}]+/gi,
    `$1$2${R}`,
  ],
  // JSON ("token": "...") and query (token=...) forms; not prose like "Token: Token for x expired".
  [/("(?:token|access_token|id_token|secretAccessKey|sessionToken)"\s*:\s*")[^"]+/gi, `$1${R}`],
  [/\b((?:access_|id_)?token=)[^\s&"',;]+/gi, `$1${R}`],
  // AWS access key ids (long-term AKIA, temporary ASIA): the prefix says which kind it was.
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, `$1${R}`],
  // STS session tokens, recognisable by their fixed base64 prefix.
  [/\b(?:IQoJb3JpZ2lu|F[Qw]oGZXIvYXdz)[A-Za-z0-9+/=]{16,}/g, R],
];

/**
 * Blank out credential shapes in `text`, plus any of `secrets` (known values such as the
 * kubeconfig's own token or the AWS secret key in the environment) wherever they appear.
 */
export function redactCredentials(text: string, secrets: ReadonlyArray<string | null | undefined> = []): string {
  let out = text;
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  // Short values could be ordinary words; only blank out the literal when it is long enough.
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join(R);
  return out;
}
