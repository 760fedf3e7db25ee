// Builds the SDK's authentication from TeamsConfig: public Azure by default, custom endpoints for tests and other clouds.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ServiceClientCredentialsFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentials,
  type UserTokenClient,
} from 'botframework-connector';
import type { TeamsConfig } from './config.ts';

/** Supplies the bearer token for outbound calls instead of Entra ID (tests, custom token brokers). */
export type OutboundTokenSource = (audience: string | undefined) => Promise<string>;

/** The SDK authentication for a config; anonymous when the config has no app id. */
export function createAuthentication(config: TeamsConfig, outboundToken?: OutboundTokenSource): BotFrameworkAuthentication {
  if (!config.appId) return new ConfigurationBotFrameworkAuthentication({});
  const e = config.endpoints;
  const options = {
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId ?? '',
    // Setting any endpoint switches the SDK to custom-cloud mode, where every endpoint must be stated.
    ...(e
      ? {
          ToBotFromChannelOpenIdMetadataUrl: e.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: e.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: e.tokenIssuer,
          ToChannelFromBotOAuthScope: e.oauthScope,
          ToChannelFromBotLoginUrl: e.loginUrl,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
        }
      : {}),
  };
  const credentials = outboundToken ? new TokenSourceCredentialsFactory(config.appId, outboundToken) : undefined;
  return new RejectingAuthentication(new ConfigurationBotFrameworkAuthentication(options, credentials));
}

/** Outbound credentials from a token source; inbound tokens must be addressed to `appId`. */
class TokenSourceCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string, private readonly token: OutboundTokenSource) {
    super();
  }
  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  override async createCredentials(_appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    const token = await this.token(audience);
    return {
      async signRequest(request) {
        request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    };
  }
}

// jsonwebtoken's errors for a bad signature or a malformed token escape the SDK as plain errors (HTTP 500).
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Delegates to the SDK, but answers 401 (not 500) to every token the SDK cannot verify. */
class RejectingAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized: ${error.message}`, 401);
      throw error;
    }
  }
  override authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }
  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }
  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
