import Crypto
import Foundation
import Hummingbird
import NIOCore

/// Lets a request through only from this machine, or with `Authorization: Bearer <WebConfig.metricsToken>`; any
/// other gets the ordinary 404, as if there were no such page.
///
/// "This machine" is the socket's peer on loopback and no proxy header: the documented setup has a reverse proxy on
/// the same host, whose requests all come from loopback, so a forwarded request needs the token. The forwarding
/// headers' values are never trusted; their presence only takes away. An unknown peer (the in-process test
/// client) is not local.
struct MetricsAccessMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let token: String?

    static let proxyHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard Self.isLocal(request, peer: context.remoteAddress) || hasToken(request) else { throw HTTPError(.notFound) }
        return try await next(request, context)
    }

    static func isLocal(_ request: Request, peer: String) -> Bool {
        isLoopback(peer) && !proxyHeaders.contains { request.headers[.init($0)!] != nil }
    }

    /// 127.0.0.0/8, ::1, and 127.0.0.0/8 mapped into IPv6 (an IPv4 peer on a dual-stack socket).
    static func isLoopback(_ address: String) -> Bool {
        guard let socket = try? SocketAddress(ipAddress: address, port: 0) else { return false }
        switch socket {
        case .v4(let v4):
            return UInt32(bigEndian: v4.address.sin_addr.s_addr) >> 24 == 127
        case .v6(let v6):
            let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
            let mapped: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
            return bytes == [UInt8](repeating: 0, count: 15) + [1] || (bytes.prefix(12).elementsEqual(mapped) && bytes[12] == 127)
        default:
            return false
        }
    }

    private func hasToken(_ request: Request) -> Bool {
        guard let token, !token.isEmpty, let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else {
            return false
        }
        // Digests compare in constant time, so the answer's timing tells nothing about the token.
        return SHA256.hash(data: Data(authorization.dropFirst(7).utf8)) == SHA256.hash(data: Data(token.utf8))
    }
}
