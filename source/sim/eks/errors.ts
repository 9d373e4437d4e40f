// EKS error responses (spec §5.4): status code, x-amzn-ErrorType header AND `__type` in the body
// (the JS SDK reads the header, botocore the body), `message`, and the optional extra fields.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const ERROR_STATUS: Record<string, number> = {
  ResourceNotFoundException: 404,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  ClientException: 400,
  ResourceLimitExceededException: 400,
  ResourceInUseException: 409,
  AccessDeniedException: 403,
  NotFoundException: 404,
  ThrottlingException: 429,
  ServerException: 500,
  ServiceUnavailableException: 503,
  ExpiredTokenException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  UnknownOperationException: 404,
};

export class EksError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendEks(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json), 'x-amzn-RequestId': randomUUID() });
  res.end(json);
}

export function sendEksError(res: ServerResponse, err: EksError): void {
  const status = ERROR_STATUS[err.type] ?? 400;
  const json = JSON.stringify({ __type: err.type, message: err.message, ...err.extra });
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    'x-amzn-RequestId': randomUUID(),
    'x-amzn-ErrorType': err.type,
  });
  res.end(json);
}

/** The wording real AWS uses for the injectable errors. */
export function injectedError(type: string, ctx: { operation: string; accountId: string; resourceArn: string; clusterName: string; message?: string }): EksError {
  if (ctx.message !== undefined) return new EksError(type, ctx.message);
  switch (type) {
    case 'AccessDeniedException':
      return new EksError(
        type,
        `User: arn:aws:iam::${ctx.accountId}:user/demo is not authorized to perform: eks:${ctx.operation} on resource: ${ctx.resourceArn} because no identity-based policy allows the eks:${ctx.operation} action`,
      );
    case 'ThrottlingException':
      return new EksError(type, 'Rate exceeded', { clusterName: ctx.clusterName });
    case 'ResourceNotFoundException':
      return new EksError(type, `No cluster found for name: ${ctx.clusterName}.`, { clusterName: ctx.clusterName });
    case 'ServerException':
      return new EksError(type, 'An internal server error occurred. Please try again later.', { clusterName: ctx.clusterName });
    case 'ServiceUnavailableException':
      return new EksError(type, 'Service Unavailable');
    case 'ExpiredTokenException':
      return new EksError(type, 'The security token included in the request is expired');
    case 'UnrecognizedClientException':
      return new EksError(type, 'The security token included in the request is invalid.');
    case 'InvalidSignatureException':
      return new EksError(type, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
    default:
      return new EksError(type, `${type} (injected by the simulator)`);
  }
}
