import Mustache

struct IntakeThanksPage { let chrome: Chrome }
