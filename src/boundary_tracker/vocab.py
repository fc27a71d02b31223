"""The closed vocabularies of the record and the check, in one place."""

SERVICES = ("individual", "couple", "family", "group", "assessment", "consultation")
TERMINATION_HOW = ("planned", "unplanned", "transfer", "unclear")
CONTACT_KINDS = ("session", "phone", "video", "email", "letter", "records", "court", "other")
SETTINGS = (
    "store", "gym", "worship", "school", "social-event", "online",
    "health-care", "workplace", "neighborhood", "other",
)
INITIATORS = ("client", "me", "both", "other")
DATE_ORDERS = ("mdy", "dmy")

# The check (issue 3)
CHECK_CONTACTS = ("romantic", "friendship", "social-media", "business", "purchase", "barter", "gift", "event")
PARTIES = ("client", "partner", "family")
VERDICTS = ("ok", "caution", "wait", "never")  # weakest to strictest
OUTCOMES = ("accepted", "declined")
