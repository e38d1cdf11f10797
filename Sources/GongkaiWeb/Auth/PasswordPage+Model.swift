/// The password change page (Templates/password.mustache).
extension AuthController {
    struct PasswordView: Sendable {
        var error: String?
        var done: Bool
    }
}
