import Mustache

struct MyProgramNonePage { let chrome: Chrome }
