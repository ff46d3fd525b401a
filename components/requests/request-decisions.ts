import { declineRequestInBackground, undoDeclineInBackground } from '../cancel/background-requests';

/** The seller's answers to a buyer's request that Amazon has no call for; recorded by the background. */
export interface RequestDecisions {
  /** Rejects with the background's plain message when it refuses (e.g. the request is no longer open). */
  decline(orderId: string, memo: string): Promise<void>;
  undoDecline(orderId: string): Promise<void>;
}

export const backgroundRequestDecisions: RequestDecisions = {
  decline: declineRequestInBackground,
  undoDecline: undoDeclineInBackground,
};
