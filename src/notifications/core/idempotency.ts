// Every delivery has its own key (a UUID), written with the row and sent with
// every try, so a receiver that sees it twice can drop the repeat. The e-mail
// Message-ID is built from it.
export const newIdempotencyKey = (): string => globalThis.crypto.randomUUID();

export const messageIdOf = (key: string): string => `<${key}@kehou>`;
