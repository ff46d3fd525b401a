/** Amazon's error bodies ({ errors: [{ code, message, details }] }) and the S3 one for documents. */
export interface SpApiError {
  code: string;
  message: string;
  details?: string;
}

export class SandboxHttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: SpApiError,
  ) {
    super(error.message);
  }
}

export function invalidInput(message: string, details = ''): SandboxHttpError {
  return new SandboxHttpError(400, { code: 'InvalidInput', message, details });
}

export function notFound(message: string, details = ''): SandboxHttpError {
  return new SandboxHttpError(404, { code: 'NotFound', message, details });
}

export const UNAUTHORIZED_INVALID: SpApiError = {
  code: 'Unauthorized',
  message: 'Access to requested resource is denied.',
  details: 'The access token you provided is revoked, malformed or invalid.',
};

/** Amazon's wording for an expired token; clients (e.g. amazon-sp-api) refresh on it. */
export const UNAUTHORIZED_EXPIRED: SpApiError = {
  code: 'Unauthorized',
  message: 'Access to requested resource is denied.',
  details: 'The access token you provided has expired.',
};

export const QUOTA_EXCEEDED: SpApiError = {
  code: 'QuotaExceeded',
  message: 'You exceeded your quota for the requested resource.',
  details: '',
};

export const INTERNAL_FAILURE: SpApiError = {
  code: 'InternalFailure',
  message: 'We encountered an internal error. Please try again.',
  details: '',
};

export const SERVICE_UNAVAILABLE: SpApiError = {
  code: 'ServiceUnavailable',
  message: 'Service is temporarily unavailable. Please try again.',
  details: '',
};

export function s3ErrorXml(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`
  );
}
