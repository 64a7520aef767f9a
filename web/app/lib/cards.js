// Client-side card checks, so a typo is caught before it reaches the server (which checks again).

/** Digits only: spaces and dashes people type are dropped; anything else makes it invalid. */
export function cardDigits(text) {
  const compact = String(text ?? '').replace(/[\s-]/g, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** The Luhn check digit test every card number passes. */
export function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Null when the card looks right; otherwise what to fix. A card is good through the last day of its expiry month. */
export function cardProblem(number, month, year, now = new Date()) {
  const digits = cardDigits(number);
  if (!digits) return 'The card number may only contain digits.';
  if (digits.length < 12 || digits.length > 19) return 'The card number should have 12 to 19 digits.';
  if (!luhn(digits)) return 'That card number is not valid: check the digits.';
  const m = Number(month), y = Number(year);
  if (!Number.isInteger(m) || m < 1 || m > 12) return 'The expiry month must be 1 to 12.';
  if (!Number.isInteger(y) || y < 2000 || y > 2100) return 'The expiry year must have four digits, like 2030.';
  const firstDayAfter = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1));
  if (firstDayAfter <= now) return 'This card has expired.';
  return null;
}
