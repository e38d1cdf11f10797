/// The login page (Templates/login.mustache): its own CSRF token (there is no session yet) and where to go after.
extension AuthController {
    struct LoginView: Sendable {
        var loginCSRF: String
        var username: String
        var error: String?
        var next: String
    }
}
