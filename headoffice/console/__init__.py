"""The head-office web console: server-rendered pages under ``/console`` of
``loket-headoffice serve`` (same process, same database). See ``README.md`` here for
how a page is added.
"""
