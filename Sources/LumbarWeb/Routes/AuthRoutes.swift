import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Signing in and out: password, lockout, rate limit, second factor, password reset.
struct AuthRoutes {
    let services: AppServices

    static let wrongCredentials = "That email and password do not match an account. Check both and try again."
    static let emailField = [FieldView("email", "Email", type: "email", autocomplete: "email")]
    static let passwordField = [FieldView("password", "New password", type: "password", help: "At least 12 characters.", autocomplete: "new-password")]

    func register(on router: Router<AppRequestContext>) {
        router.get("/login") { request, context -> Response in
            if context.account != nil { return .seeOther("/") }
            let notice: String? = request.uri.queryParameters["setup"] == "done" ? "Your clinic is ready. Sign in to finish setting up two-step sign-in."
                : request.uri.queryParameters["reset"] == "done" ? "Your password is changed. Sign in with the new one."
                : request.uri.queryParameters["welcome"] == "done" ? "Your password is saved. Sign in with your email and the password you just chose." : nil
            var chrome = context.chrome("Sign in")
            chrome.notice = notice
            let next = FormData(encoded: request.uri.query ?? "")["next"]
            return services.views.page("login", LoginPage(chrome: chrome, email: "", error: nil, next: Self.safeNext(next)))
        }
        router.post("/login") { request, context -> Response in try await signIn(request, context) }
        router.get("/login/code") { _, context -> Response in
            guard let session = context.session, !session.secondFactorDone else { return .seeOther("/login") }
            if !session.account.totpEnabled { return .seeOther("/account/two-factor") }
            return services.views.page("totp", SignInCodePage(chrome: context.chrome("Two-step sign-in"), error: nil))
        }
        router.post("/login/code") { _, context -> Response in try await secondFactor(context) }
        router.post("/logout") { _, context -> Response in
            if let session = context.session {
                try await services.sessions.delete(tokenHash: session.tokenHash)
                try await services.audit(session.account, context, .signOut, .account, client: nil)
            }
            var response = Response.seeOther("/login")
            response.setCookie(SessionMiddleware.cookie(SessionMiddleware.sessionCookie, "", secure: false, maxAge: 0))
            return response
        }
        router.get("/password/forgot") { _, context -> Response in
            services.views.page("forgot", PasswordFormPage(chrome: context.chrome("Reset your password"), fields: Self.emailField))
        }
        router.post("/password/forgot") { _, context -> Response in try await forgot(context) }
        router.get("/password/reset") { request, context -> Response in
            let token = request.uri.queryParameters["token"].map(String.init) ?? ""
            guard try await services.passwordResets.isValid(tokenHash: Secrets.hash(token), at: services.now) else {
                throw PageError.badForm("This reset link has expired or was already used. Ask for a new one from the sign-in page.")
            }
            return services.views.page("reset", PasswordFormPage(chrome: context.chrome("Choose a new password"), fields: Self.passwordField, token: token))
        }
        router.post("/password/reset") { _, context -> Response in
            let token = context.form["token"]
            let password = context.form["password"]
            if password.count < AccountDraft.minimumPasswordLength {
                let problems = [FieldProblem("password", "Use at least \(AccountDraft.minimumPasswordLength) characters.")]
                let page = PasswordFormPage(chrome: context.chrome("Choose a new password"),
                                    fields: Self.passwordField.filled(from: context.form, problems: problems), token: token)
                return services.views.page("reset", page, status: .unprocessableContent)
            }
            let hash = try await services.hasher.hash(password)
            guard let accountId = try await services.passwordResets.consume(tokenHash: Secrets.hash(token), at: services.now) else {
                throw PageError.badForm("This reset link has expired or was already used. Ask for a new one from the sign-in page.")
            }
            try await services.accounts.setPassword(id: accountId, hash: hash)
            try await services.audit(try await services.accounts.find(id: accountId), context, .change, .account, client: nil, detail: "password reset")
            return .seeOther("/login?reset=done")
        }
    }

    private func loginPage(_ context: AppRequestContext, email: String, error: String, status: HTTPResponse.Status) -> Response {
        services.views.page("login", LoginPage(chrome: context.chrome("Sign in"), email: email, error: error,
                                               next: Self.safeNext(context.form["next"])), status: status)
    }

    private func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let config = services.configuration
        let now = services.now
        let email = context.form["email"].trimmed.lowercased()
        let window = now.adding(seconds: -15 * 60)
        if try await services.loginAttempts.failures(address: context.address, since: window) >= config.addressFailureLimit {
            throw PageError.tooManyAttempts
        }
        guard let credentials = try await services.accounts.credentials(email: email), credentials.account.active else {
            _ = try await services.hasher.verify(context.form["password"], hash: services.decoyHash)
            try await services.loginAttempts.record(email: email, address: context.address, succeeded: false, at: now)
            return loginPage(context, email: email, error: Self.wrongCredentials, status: .unauthorized)
        }
        let account = credentials.account
        if let lockedUntil = credentials.lockedUntil, lockedUntil > now {
            try await services.loginAttempts.record(email: email, address: context.address, succeeded: false, at: now)
            try await services.audit(account, context, .signInFailed, .account, client: nil, detail: "account locked")
            return loginPage(context, email: email, error: "This account is locked for a while after too many failed attempts. Try again later, or reset your password.", status: .forbidden)
        }
        guard try await services.hasher.verify(context.form["password"], hash: credentials.passwordHash) else {
            try await recordFailure(credentials, context)
            return loginPage(context, email: email, error: Self.wrongCredentials, status: .unauthorized)
        }
        try await services.accounts.recordSuccess(id: account.id)
        try await services.loginAttempts.record(email: email, address: context.address, succeeded: true, at: now)
        let needsSecondStep = account.totpEnabled || account.mustUseTwoFactor
        let cookie = try await SignInSession(services: services).start(for: account, secondFactorDone: !needsSecondStep, request, context)
        try await services.audit(account, context, .signIn, .account, client: nil, detail: needsSecondStep ? "password accepted" : "")
        let next = Self.safeNext(context.form["next"])
        var response = Response.seeOther(!needsSecondStep ? (next ?? "/") : account.totpEnabled ? "/login/code" : "/account/two-factor")
        response.setCookie(cookie)
        return response
    }

    /// Only paths on this site, so a crafted link cannot send someone elsewhere after signing in.
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500 else { return nil }
        return next
    }

    /// Counts a failure against the account and locks it at the threshold.
    private func recordFailure(_ credentials: Credentials, _ context: AppRequestContext) async throws {
        let config = services.configuration
        let now = services.now
        let locks = credentials.failedLogins + 1 >= config.lockoutThreshold
        try await services.accounts.recordFailure(id: credentials.account.id, lockUntil: locks ? now.adding(seconds: Int64(config.lockoutMinutes * 60)) : nil)
        try await services.loginAttempts.record(email: credentials.account.email, address: context.address, succeeded: false, at: now)
        try await services.audit(credentials.account, context, .signInFailed, .account, client: nil, detail: locks ? "account locked" : "")
    }

    private func secondFactor(_ context: AppRequestContext) async throws -> Response {
        guard let session = context.session, !session.secondFactorDone else { return .seeOther("/login") }
        guard let credentials = try await services.accounts.credentials(id: session.account.id), let secret = credentials.totpSecret,
              credentials.account.totpEnabled else { return .seeOther("/account/two-factor") }
        let now = services.now
        if let lockedUntil = credentials.lockedUntil, lockedUntil > now {
            try await services.sessions.delete(tokenHash: session.tokenHash)
            return .seeOther("/login")
        }
        let code = context.form["code"].trimmed.lowercased()
        let date = Date(timeIntervalSince1970: Double(now.milliseconds) / 1000)
        var accepted = try await services.accounts.acceptCode(code, credentials: credentials, at: date)
        if !accepted, code.contains("-") {
            accepted = try await services.accounts.useRecoveryCode(id: credentials.account.id, hash: Secrets.hash(code), at: now)
        }
        guard accepted else {
            try await recordFailure(credentials, context)
            let reused = TwoFactor.acceptedStep(code: code, secret: secret, at: date, after: nil) != nil
            return services.views.page("totp", SignInCodePage(chrome: context.chrome("Two-step sign-in"),
                                                        error: reused ? TwoFactor.usedCodeMessage : "That code did not work. Codes change every 30 seconds; try the newest one."),
                                       status: .unauthorized)
        }
        try await services.accounts.recordSuccess(id: credentials.account.id)
        try await services.sessions.completeSecondFactor(tokenHash: session.tokenHash)
        try await services.audit(credentials.account, context, .signIn, .account, client: nil, detail: "second factor accepted")
        return .seeOther("/")
    }

    private func forgot(_ context: AppRequestContext) async throws -> Response {
        let email = context.form["email"].trimmed.lowercased()
        guard EmailAddress.isPlausible(email) else {
            let problems = [FieldProblem("email", "Enter the email address you sign in with.")]
            let page = PasswordFormPage(chrome: context.chrome("Reset your password"), fields: Self.emailField.filled(from: context.form, problems: problems))
            return services.views.page("forgot", page, status: .unprocessableContent)
        }
        if let credentials = try await services.accounts.credentials(email: email), credentials.account.active {
            try await ResetLinks(services: services).send(to: credentials.account)
        }
        return services.views.page("forgot", PasswordFormPage(chrome: context.chrome("Reset your password"), fields: [], sent: true))
    }

}
