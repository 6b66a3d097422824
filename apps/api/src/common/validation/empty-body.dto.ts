/**
 * The body of a command that takes no input. Declaring it makes the global pipe refuse any field
 * sent anyway, so "unknown fields are rejected" holds on every endpoint.
 */
export class EmptyBodyDto {}
