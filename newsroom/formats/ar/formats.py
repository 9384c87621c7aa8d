# Django's Arabic formats have no date with a time, so a dateline fell back to the English
# order ("ديسمبر 1, 2026, 7:14 ص"). These follow its DATE_FORMAT and SHORT_DATE_FORMAT, with
# the Arabic comma; everything else comes from Django's own (django/conf/locale/ar).
DATETIME_FORMAT = "j F، Y، g:i A"
SHORT_DATETIME_FORMAT = "d\u200f/m\u200f/Y g:i A"
