/** The one way the client reaches the network: fetch, the in-extension sandbox, or a test fake. */
export type Transport = (request: Request) => Promise<Response>;
