// What a failed payment means to the person paying.
import { ApiError } from './api.js';

export function paymentProblem(error) {
  if (error instanceof ApiError && error.status === 402) {
    return /no payment card/i.test(error.message)
      ? 'Add a payment card on your account page first.'
      : `The payment was declined: ${declineReason(error.problem?.detail ?? error.message)}`;
  }
  if (error instanceof ApiError && error.status === 503) {
    return 'The payment service did not answer. Trying again repeats the same payment, so you are never charged twice.';
  }
  return error.message;
}

// "payment <key> was declined: insufficient funds" → "insufficient funds": the key means nothing to a person.
function declineReason(detail) {
  const match = /declined:\s*(.+?)\.?$/i.exec(detail);
  return match ? match[1] : detail;
}
