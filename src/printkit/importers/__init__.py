"""Schedule exports (frab XML, schedule JSON, Sessionize, GOSIM JSON, Indico, speaker pages) → event directories;
pretix orders → an attendee CSV (`pretix`, `pretix_run`).

One module per source format, each turning the source into plain event data
through `build.EventBuilder`; `writer` writes the directory atomically,
`merge` upserts into an existing one (`--into`), `cli.command` is
`printkit import FORMAT SOURCE`.

Choices every importer shares:
- times are converted to the event time zone's wall-clock; a session keeps its
  real date; the schedule day it was listed under (when different) goes to
  `schedule_day`; event start/end are the first/last dates sessions run on;
- ids are slugs (accents transliterated); a name without Latin letters gets
  `p-<source id>`; duplicate titles get `-2`, `-3` in time order;
- persons merge by source id/guid/code, else by name; namesakes with
  different source ids stay apart;
- only http(s) URLs are written; slides/recording go to `slides`/`video`,
  other links to `links`, flags and answers to `extra`; everything else that
  cannot be kept is counted in the summary as dropped;
- type names map to keynote/talk/workshop/panel/lightning/break/social
  (`build.session_type`): FOSDEM devroom/maintrack/bof → talk, junior →
  workshop, lightningtalk → lightning; a generic type is refined by whole
  words in the title ("Panel: ...", "... Workshop"); Indico's poster
  contributions become `poster`.
"""
