"""General English word lists the engine reads text with: no event, person or product names here.

Everything specific to one event (names, team and product words, titles peculiar to it) comes
from the fact sheet (see `linter.claims.vocabulary`). Other modules may add their own sections below;
keep each list in the section of the module that owns it.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# Dates: written once, read by the date annotator, the claim layer and the sheet's display
# ---------------------------------------------------------------------------------------------

# A year as articles write one (the last two centuries); patterns add their own boundaries.
YEAR_DIGITS = r"(?:19|20)\d\d"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# ---------------------------------------------------------------------------------------------
# Claim layer and who/when/where rules (titles, teams, mandates, channels, careers)
# ---------------------------------------------------------------------------------------------

# Nouns that make a phrase a title, and the ones that make it a senior, usually unique, role.
HEAD_NOUNS = frozenset({
    "head", "chief", "director", "president", "ceo", "cto", "coo", "cfo", "cso", "founder", "co-founder",
    "cofounder", "lead", "leader", "manager", "researcher", "scientist", "engineer", "member", "executive",
    "officer", "correspondent", "boss", "alumnus", "veteran", "architect", "fellow", "adviser", "advisor",
    "chair", "chairman", "vp", "svp", "evp", "cvp", "investor", "backer", "hire", "employee", "staffer",
    "intern", "editor", "reporter",
})  # fmt: skip
SENIOR_NOUNS = frozenset({
    "head", "chief", "director", "president", "ceo", "cto", "coo", "cfo", "cso", "founder", "co-founder",
    "cofounder", "lead", "leader", "chair", "chairman", "vp", "svp", "evp", "cvp", "boss", "executive",
})  # fmt: skip
# Head nouns that name the same kind of role: "AI head", "AI lead", "AI chief" and "AI executive"
# are all ways of writing "director of AI". A sheet value in one class accepts the others.
LEADER_NOUNS = frozenset({"head", "lead", "leader", "chief", "director", "boss", "executive", "helm", "manager"})
FOUNDER_NOUNS = frozenset({"founder", "co-founder", "cofounder"})
# Ranks of vice president, written out or abbreviated.
VP_TITLES = {
    "senior vice president": "svp", "executive vice president": "evp", "corporate vice president": "cvp",
    "vice president": "vp",
}  # fmt: skip
# Words that qualify a role noun without changing which role it is.
TITLE_MODIFIERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "former", "new", "longtime", "senior", "junior", "vice",
    "of", "for", "and", "&", "founding", "original", "executive", "principal", "staff", "deputy", "acting",
    "interim", "global", "technical", "team", "sub-team", "group", "ai", "artificial", "intelligence", "research",
    "computer", "vision", "security", "safety", "alignment", "product", "engineering", "technology", "machine",
    "learning", "ml", "data", "infrastructure", "policy", "communications", "operations", "scientific", "then",
    "now", "current", "deep", "cybersecurity", "another", "software", "hardware", "corporate", "model",
    "models", "development", "developer", "platform", "applied", "training", "education", "llm",
})  # fmt: skip
# Leading words that only frame a title ("the former ...").
TITLE_LEADING = frozenset({
    "the", "a", "an", "former", "new", "then", "its", "another", "now", "current", "longtime", "and", "&",
})  # fmt: skip
TITLE_TRAILING = frozenset({"and", "of", "at", "for", "the", "a", "an", "former", "new", "then", "its", "&"})
# Marks of a past role: "former", "ex-", "one-time".
PAST_TITLE_MARKS = frozenset({"former", "ex", "one-time", "onetime", "erstwhile", "then", "previously", "once"})
# Titles that stay true after a person leaves (a founder remains a founder).
PERMANENT_TITLES = frozenset({"founder", "co-founder", "cofounder", "founding", "alumnus", "alum", "veteran"})

# Words that say what a team or remit does. Umbrella words ('research', 'AI', 'technical') fit
# any team and are never a verdict, so they are not here.
FUNCTION_WORDS = frozenset({
    "product", "safety", "alignment", "policy", "interpretability", "post-training", "posttraining",
    "fine-tuning", "finetuning", "rlhf", "inference", "security", "sales", "marketing", "applied",
    "consumer", "enterprise", "infrastructure", "education", "societal", "trust", "legal", "hardware",
    "robotics", "vision", "design", "communications", "comms", "recruiting", "finance", "operations",
    "partnerships", "go-to-market", "reinforcement", "evals", "evaluation", "coding", "agents", "agent",
    "multimodal", "audio", "voice", "search", "developer", "developers", "tooling", "devrel", "platform", "agentic",
    "apps", "integrations",
})  # fmt: skip

# Where an announcement can be made, and the platform each word denotes.
CHANNEL_WORDS = {
    "tweet": "twitter", "tweets": "twitter", "tweeted": "twitter", "twitter": "twitter", "linkedin": "linkedin",
    "blog": "blog", "blog post": "blog", "blogpost": "blog", "substack": "blog", "press release": "press release",
    "statement": "statement", "threads": "threads", "bluesky": "bluesky", "mastodon": "mastodon",
    "facebook": "facebook", "instagram": "instagram", "youtube": "youtube", "podcast": "podcast",
    "newsletter": "newsletter", "email": "email", "interview": "interview", "press conference": "press conference",
    "news conference": "press conference", "television interview": "interview", "tv interview": "interview",
    "radio interview": "interview",
}  # fmt: skip

# The same platforms as they appear in text (capitalised names match only as written).
CHANNEL_PATTERN = (
    r"Twitter|[Tt]weet|LinkedIn|[Bb]log(?:\s+post)?|Substack|press\s+release|Threads|Bluesky|Mastodon"
    r"|Facebook|Instagram|YouTube|[Pp]odcast|[Nn]ewsletter|[Ee]mail|(?:(?:[Tt]elevision|TV|[Rr]adio)\s+)?[Ii]nterview"
    r"|(?:[Pp]ress|[Nn]ews)\s+conference"
)

# Nouns that stand for "the company that makes <product>": "the <product> maker".
MAKER_NOUNS = ("maker", "developer", "creator", "owner", "parent")

# Pronouns by grammatical gender, for messages built from sheet data.
REFLEXIVE = {"male": "himself", "female": "herself"}
POSSESSIVE = {"male": "his", "female": "her"}

# ---------------------------------------------------------------------------------------------
# Values: dates, quotes and figures (FL101-FL103, FL701, FL901)
# ---------------------------------------------------------------------------------------------

# Stems of verbs and nouns of saying: a date they carry is the date of whatever was said.
SAYING_STEMS = (
    "announc", "post", "tweet", "said", "say", "wrote", "write", "writing", "confirm", "reveal", "disclos",
    "shar", "told", "tell", "report", "unveil", "publish", "stat", "comment", "blog", "updat",
)  # fmt: skip
# Words that introduce what a post or statement was about.
TOPIC_MARKERS = ("about", "regarding", "on the subject of", "concerning", "describing")
# The audience of any announcement: "told his followers" names no topic.
BROADCAST_AUDIENCES = (
    "post", "tweet", "update", "followers", "fans", "readers", "subscribers", "audience", "world", "public",
)  # fmt: skip
# Words after a verb of saying that add nothing to what was said: "posted on X early on 20 May".
SAYING_FILLER = frozenset({
    "on", "in", "at", "via", "to", "from", "through", "the", "a", "an", "his", "her", "its", "their", "own",
    "early", "late", "morning", "afternoon", "evening", "night", "week", "also", "publicly", "officially",
    "first", "just", "then", "finally", "post", "tweet", "account", "time",
})  # fmt: skip
# A figure for a sum rather than one instance: "total capital raised to date".
SUM_WORDS = ("total", "in total", "to date", "so far", "cumulative", "altogether", "combined", "overall", "lifetime")
# Endings that inflect a word without changing it: a quotation's first or last word bent to fit.
INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ning", "ting", "ding")
