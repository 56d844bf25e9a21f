import Hummingbird

/// Errors routes throw that the error middleware turns into the right page or JSON.
enum PageError: Error, Sendable {
    /// Not signed in (or the session ended): go to the sign-in page.
    case signInRequired
    /// Signed in with a password but the second factor is still owed.
    case secondFactorRequired
    /// Owners must enrol a code app before anything else.
    case enrolmentRequired
    case forbidden
    case notFound
    case badForm(String)
    /// The form's CSRF token is missing or wrong: refused without touching anything.
    case expiredForm
    case tooManyAttempts
}
