/// The nginx configuration that serves the static mirror's folder in front of the application (docs/static-pages.md).
/// `gongkai bench web` runs nginx with exactly this text, so what the documentation shows is what was measured.
public enum StaticPagesNginx {
    /// An `http {}` block's contents: a `map` and a `server`. A request goes to the application when it has a query
    /// string (later pages of a list, searches), a staff session cookie or a display mode other than the normal one
    /// (大字版, 高对比度), or when the folder has no page for its path; the rest is a file.
    public static func http(root: String, application: String, listen: String, serverName: String = "_") -> String {
        let headers = SecurityHeadersMiddleware.headers.map { "        add_header \($0.0.rawName) \"\($0.1)\" always;" }
            .joined(separator: "\n")
        return """
            map "$is_args|$cookie_\(SessionMiddleware.cookieName)|$cookie_\(SessionMiddleware.displayCookieName)" $gongkai_static_root {
                default "/nonexistent";
                "~^\\|\\|(normal)?$" "\(root)";
            }
            server {
                listen \(listen);
                server_name \(serverName);
                charset utf-8;
                location / {
                    root $gongkai_static_root;
                    try_files $uri/index.html @gongkai;
                    default_type "text/html";
                    add_header Cache-Control "public, max-age=60";
            \(headers)
                }
                location @gongkai {
                    proxy_pass http://\(application);
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                }
            }
            """
    }
}
