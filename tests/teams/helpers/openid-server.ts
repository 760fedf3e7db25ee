// A local OpenID metadata + JWKS server and a signer for Bot Framework channel tokens (what Azure Bot Service sends).
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** Issuer our fake channel signs with (the test config's ToBotFromChannelTokenIssuer). */
export const TEST_ISSUER = 'https://api.botframework.test';

/** The running OpenID server and a token signer. */
export interface OpenIdServer {
  metadataUrl: string;
  /** A channel token: `claims` override the valid defaults; `signWith: 'stranger'` signs with a key not in the JWKS. */
  token(claims: JWTPayload, options?: { signWith?: 'stranger'; expiresIn?: string }): Promise<string>;
  close(): Promise<void>;
}

const KID = 'breachdesk-test-key';

/** Start on 127.0.0.1 at a free port; the key is endorsed for `endorsements` (the channels it may sign for), Teams by default. */
export async function startOpenIdServer(endorsements: string[] = ['msteams']): Promise<OpenIdServer> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: KID, use: 'sig', alg: 'RS256', endorsements };
  let base = '';
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/openidconfiguration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: TEST_ISSUER, jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    metadataUrl: `${base}/.well-known/openidconfiguration`,
    token: (claims, options = {}) => {
      const key: CryptoKey = options.signWith === 'stranger' ? stranger.privateKey : keys.privateKey;
      return new SignJWT({ iss: TEST_ISSUER, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(key);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
