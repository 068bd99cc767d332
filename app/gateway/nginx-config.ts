/**
 * The gateway's nginx configuration. Pure: settings in, text out.
 *
 * Nginx knows no environment: it asks the auth endpoint before every
 * request, and the auth endpoint answers with the upstream
 * (`service:port`), which nginx resolves through Docker's DNS at request
 * time. So an environment added, removed or recreated never needs a new
 * nginx configuration or a reload.
 */
import type { GatewaySettings } from "./gateway-settings.js";

/** Where the auth endpoint of gateway `name` listens. */
export function authAddress(name: string): string {
  return `${name}-auth:8081`;
}

/** The whole `nginx.conf` of the gateway. */
export function nginxConfig(settings: GatewaySettings): string {
  const domain = settings.domain;
  const label = "[a-z0-9]+(-[a-z0-9]+)*";
  const hostForm = `~^${label}--${label}\\.${domain.replace(/\./g, "\\.")}$`;
  return `# Made by Berth for ${settings.name}; berth gateway up replaces it.
worker_processes auto;
pid /run/nginx.pid;
error_log stderr warn;
events { worker_connections 4096; }

http {
    # Access tokens arrive once in a query string: keep no access log.
    access_log off;
    server_tokens off;
    resolver 127.0.0.11 valid=5s ipv6=off;
    resolver_timeout 3s;
    client_header_buffer_size 1k;
    large_client_header_buffers 4 8k;
    client_max_body_size 64m;
    ssl_certificate /etc/nginx/berth-tls/cert.pem;
    ssl_certificate_key /etc/nginx/berth-tls/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;

    map $http_upgrade $berth_connection {
        default upgrade;
        "" "";
    }

    # Any other Host: not ours.
    server {
        listen 80 default_server;
        listen 443 ssl default_server;
        return 421;
    }

    # Path form on the bare domain: /e/<environment>/<port>/...
    server {
        listen 80;
        listen 443 ssl;
        server_name ${domain};
${serverCommon(settings)}
        location ~ ^/e/[^/]+/[^/]+$ {
            return 308 $uri/$is_args$args;
        }

        location ~ ^/e/[^/]+/[^/]+/ {
${tokenExchange()}
            rewrite ^/e/[^/]+/[^/]+(/.*)$ $1 break;
${proxy()}
        }

        location / {
            return 404;
        }
    }

    # Host form: <port>--<environment>.<domain>
    server {
        listen 80;
        listen 443 ssl;
        server_name "${hostForm}";
${serverCommon(settings)}
        location / {
${tokenExchange()}
${proxy()}
        }
    }
}
`;
}

function serverCommon(settings: GatewaySettings): string {
  const https = settings.httpsPort === 443 ? "" : `:${settings.httpsPort}`;
  const redirect = settings.tls
    ? `        if ($scheme = http) {
            return 308 https://$host${https}$request_uri;
        }
`
    : "";
  return `${redirect}        set $berth_auth ${authAddress(settings.name)};

        # No dot segments, plain or encoded: a path never leaves its route.
        if ($request_uri ~* "(/|%2f)(\\.|%2e)(\\.|%2e)?(/|%2f|\\?|$)") {
            return 400;
        }

        location = /_berth/auth {
            internal;
            proxy_pass http://$berth_auth/auth;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header Host $host;
            proxy_set_header X-Original-URI $request_uri;
            proxy_set_header Authorization $http_authorization;
            proxy_set_header Cookie $http_cookie;
        }

        location = /_berth/login {
            internal;
            proxy_pass http://$berth_auth/login;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_set_header Host $host;
            proxy_set_header X-Original-URI $request_uri;
            proxy_set_header X-Forwarded-Proto $scheme;
        }
`;
}

function tokenExchange(): string {
  return `            if ($arg_berth_token) {
                rewrite ^ /_berth/login last;
            }
            auth_request /_berth/auth;
            auth_request_set $berth_upstream $upstream_http_x_berth_upstream;
            auth_request_set $berth_cookie $upstream_http_x_berth_cookie;`;
}

function proxy(): string {
  return `            proxy_pass http://$berth_upstream;
            proxy_http_version 1.1;
            proxy_buffering off;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $berth_connection;
            proxy_set_header Authorization "";
            proxy_set_header Cookie $berth_cookie;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;`;
}
