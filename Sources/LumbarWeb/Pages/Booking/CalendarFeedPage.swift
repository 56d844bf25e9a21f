import Mustache

struct CalendarFeedPage { let chrome: Chrome; let heading: String; let message: String }
