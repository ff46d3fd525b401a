import { LwaError, plainMessageOf, SpApiError } from '../sp-api/errors';

/** What went wrong in getting actions to Amazon, in words for the seller, and whether waiting helps. */
export interface OutboxProblem {
  readonly message: string;
  /** True when retrying on its own will not help: the seller must change something first. */
  readonly permanent: boolean;
}

/** Something in the seller's set-up stops every send (no merchant token, say): only they can fix it. */
export class OutboxSetupError extends Error {
  override name = 'OutboxSetupError';
}

/** Problems of one kind in a row before the actions stop waiting and say they failed. */
export const MAX_PERMANENT_ATTEMPTS = 3;

/**
 * Sorts an error into "will pass" (throttling, Amazon or the network down) and "needs the seller"
 * (credentials refused, the app lacks the role for feeds, an endpoint that does not exist), with
 * what to do next. Secrets never reach these texts: the errors carry none.
 */
export function outboxProblemOf(error: unknown): OutboxProblem {
  if (error instanceof OutboxSetupError) return { permanent: true, message: error.message };
  if (error instanceof LwaError) {
    const permanent = error.error === 'invalid_client' || error.error === 'invalid_grant';
    return {
      permanent,
      message: permanent
        ? `Amazon refused the app's credentials: ${plainMessageOf(error)} Fix them in Settings; the cancellation is sent once they work.`
        : `Amazon's sign-in service did not answer (${plainMessageOf(error)}). The cancellation is sent again automatically.`,
    };
  }
  if (error instanceof SpApiError) {
    if (error.status === 403) {
      return {
        permanent: true,
        message:
          'Amazon refused the request: the app may lack the role that order feeds need. ' +
          "In Seller Central, Develop Apps, give the app the 'Inventory and Order Tracking' role and authorise it " +
          'again, then update the refresh token in Settings. The cancellation is sent once Amazon accepts it.',
      };
    }
    if (error.status === 404 || error.status === 401) {
      return {
        permanent: true,
        message: `Amazon refused the request: ${plainMessageOf(error)} Check the region and the Advanced addresses in Settings.`,
      };
    }
    if (error.status === 429) {
      return {
        permanent: false,
        message: 'Amazon asked the order manager to slow down; the cancellation is sent in a few minutes.',
      };
    }
    return {
      permanent: false,
      message: 'Amazon had a problem on its side; the cancellation is sent again automatically.',
    };
  }
  return {
    permanent: false,
    message: `Amazon could not be reached (${plainMessageOf(error)}); the cancellation is sent again automatically.`,
  };
}
