import Mustache

struct IntakeStartPage { let chrome: Chrome; let returning: Bool }
