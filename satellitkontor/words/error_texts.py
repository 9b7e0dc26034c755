"""The words of every error, in Swedish and English: one sentence per error code (``MESSAGES``)
and the words its facts are filled in with (actions, fields, recurrence, calendar-file problems).

Only data: :func:`satellitkontor.words.texts.describe` picks and fills them. Kept apart from words/texts.py so
that the tables can grow with each feature without burying the few functions that use them.
"""

from __future__ import annotations

# --- errors -----------------------------------------------------------------------------------
# Each entry: code -> (Swedish, English). Placeholders are filled by _facts() below.
MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("Något gick fel.", "Something went wrong."),
    "input.invalid": ("Ogiltigt värde för {field}: {value}.", "Invalid value for {field}: {value}."),
    "input.actor_required": (
        "Ange vem du är med --as E-POST (eller miljövariabeln SATELLITKONTOR_USER).",
        "Say who you are with --as E-MAIL (or the environment variable SATELLITKONTOR_USER).",
    ),
    "input.actor_is_login": (
        "Du är inloggad i databasen som {login} ({email}) och kan inte agera som {other}.",
        "You are signed in to the database as {login} ({email}) and cannot act as {other}.",
    ),
    "municipality.unknown": (
        "Okänd kommun: {value}. Välj en av Bjurholm, Nordmaling, Robertsfors, Umeå, Vindeln, Vännäs och Örnsköldsvik.",
        "Unknown municipality: {value}. Choose one of Bjurholm, Nordmaling, Robertsfors, Umeå, Vindeln, Vännäs and Örnsköldsvik.",
    ),
    "not_found": ("Det finns inte.", "It does not exist."),
    "person.not_found": (
        "Det finns ingen person {who} i kontoret.",
        "There is no person {who} in the office.",
    ),
    "resource.not_found": ("Det finns ingen plats eller inget rum {who}.", "There is no desk or room {who}."),
    "booking.not_found": ("Det finns ingen bokning {who}.", "There is no booking {who}."),
    "feed.not_found": (
        "Det finns inget publicerat kalenderflöde {who}.",
        "There is no published calendar feed {who}.",
    ),
    "feeds.cannot_listen": (
        "Flödesservern kan inte starta på {host}:{port}: {detail}.",
        "The feed server cannot start on {host}:{port}: {detail}.",
    ),
    "feeds.cannot_listen.port_in_use": (
        "Port {port} på {host} används redan av ett annat program. Välj en annan port med --port eller stoppa det andra programmet.",
        "Port {port} on {host} is already used by another program. Choose another port with --port or stop the other program.",
    ),
    "permission.denied": (
        "Du har inte behörighet att {action} (din roll: {role}).",
        "You are not allowed to {action} (your role: {role}).",
    ),
    "rule": ("Bokningen följer inte kontorets regler.", "The booking breaks the office's rules."),
    "rule.in_the_past": (
        "Det går inte att boka bakåt i tiden ({when}).",
        "You cannot book in the past ({when}).",
    ),
    "rule.beyond_horizon": (
        "Det går bara att boka {days} dagar framåt, senast {last}.",
        "Bookings can only be made {days} days ahead, until {last}.",
    ),
    "rule.office_closed": ("Kontoret är stängt {day}: {reason}.", "The office is closed on {day}: {reason}."),
    "rule.outside_opening_hours": (
        "Kontoret är öppet {opens}–{closes} {day}; bokningen måste ligga inom öppettiden.",
        "The office is open {opens}–{closes} on {day}; the booking must fit within opening hours.",
    ),
    "rule.not_on_slot_grid": (
        "Konferensrummet bokas i hela {minutes}-minutersintervall ({value} passar inte).",
        "The conference room is booked in whole {minutes}-minute steps ({value} does not fit).",
    ),
    "rule.too_short": (
        "Mötet är för kort: {minutes} minuter. Kortaste bokning är {minimum} minuter.",
        "The meeting is too short: {minutes} minutes. The shortest booking is {minimum} minutes.",
    ),
    "rule.too_long": (
        "Mötet är för långt: {minutes} minuter. Längsta bokning är {maximum} minuter.",
        "The meeting is too long: {minutes} minutes. The longest booking is {maximum} minutes.",
    ),
    "rule.end_before_start": ("Sluttiden måste vara efter starttiden.", "The end must be after the start."),
    "rule.participants": (
        "Antalet deltagare måste vara mellan 1 och {maximum}; du angav {value}.",
        "The number of participants must be between 1 and {maximum}; you entered {value}.",
    ),
    "rule.wrong_resource_kind": (
        "{name} är av typen {kind_label}, inte {wanted_label}.",
        "{name} is a {kind_label}, not a {wanted_label}.",
    ),
    "rule.resource_inactive": (
        "{name} går inte att boka just nu (avaktiverad).",
        "{name} cannot be booked at the moment (deactivated).",
    ),
    "rule.person_inactive": (
        "{name} är inte längre aktiv i kontoret.",
        "{name} is no longer active in the office.",
    ),
    "rule.bad_recurrence": (
        "Upprepningen är ogiltig: {problem_text}.",
        "The repetition is invalid: {problem_text}.",
    ),
    "rule.no_occurrences": (
        "Inget av de {count} tillfällena gick att boka; ingenting har bokats.",
        "None of the {count} occurrences could be booked; nothing was booked.",
    ),
    "conflict": ("Det är redan bokat.", "It is already booked."),
    "conflict.resource_taken": (
        "{resource} är redan {booked} {when}{holder}. Välj en annan tid eller plats.",
        "{resource} is already booked {when}{holder}. Choose another time or place.",
    ),
    "conflict.person_has_desk": (
        "{person} har redan en kontorsplats då ({resource}, {when}). En person kan bara ha en plats åt gången.",
        "{person} already has a desk then ({resource}, {when}). A person can only have one desk at a time.",
    ),
    "conflict.duplicate_email": (
        "Det finns redan en person med e-postadressen {email}.",
        "A person with the e-mail {email} already exists.",
    ),
    "conflict.duplicate_resource_name": (
        "Det finns redan en plats eller ett rum som heter {name}.",
        "A desk or room named {name} already exists.",
    ),
    "state": ("Det går inte i bokningens nuvarande läge.", "Not possible in the booking's current state."),
    "state.already_cancelled": ("Bokningen {id} är redan avbokad.", "Booking {id} is already cancelled."),
    "state.already_over": (
        "Bokningen {id} är redan passerad och kan inte ändras.",
        "Booking {id} is already over and cannot be changed.",
    ),
    "state.not_today": (
        "Incheckning går bara samma dag som bokningen ({day}).",
        "Check-in is only possible on the day of the booking ({day}).",
    ),
    "state.check_in_not_allowed": ("{detail}", "{detail}"),
    "state.office_not_empty": (
        "Databasen {where} har redan personer och bokningar; demokontoret skapas bara i en tom databas.",
        "The database {where} already has people and bookings; the demo office is only created in an empty database.",
    ),
    "feed.target_required": (
        "Ange vilket flöde med --target: en plats eller ett rum (namn), en kommun eller en persons e-postadress.",
        "Say which feed with --target: a desk or room (name), a municipality or a person's e-mail address.",
    ),
    "feed.target_not_allowed": (
        "Flödet «{kind}» gäller hela kontoret eller värdkommunskalendern och tar inget --target (du angav {value}).",
        "The «{kind}» feed covers the whole office or the rotation calendar and takes no --target (you gave {value}).",
    ),
    "database": ("Databasfel.", "Database error."),
    "database.unavailable": (
        "Databasen går inte att nå ({where}): {detail}. Kontrollera nätverket eller kontakta IT.",
        "The database cannot be reached ({where}): {detail}. Check the network or contact IT.",
    ),
    "database.schema_outdated": (
        "Databasen {where} har en äldre version ({revision}). Be en administratör köra 'satellitkontor db upgrade'.",
        "The database {where} has an older version ({revision}). Ask an admin to run 'satellitkontor db upgrade'.",
    ),
    "database.schema_too_new": (
        "Databasen {where} är skapad av en nyare version av Satellitkontoret ({revision}). Uppdatera programmet.",
        "The database {where} was made by a newer version of Satellitkontoret ({revision}). Update the program.",
    ),
    "database.refused": (
        "Databasen tillåter inte det här för din roll ({detail}).",
        "The database does not allow this for your role ({detail}).",
    ),
    "database.busy": (
        "Kontoret är upptaget av en annan användare just nu. Försök igen om en stund.",
        "The office is busy with another user just now. Try again in a moment.",
    ),
    "database.postgresql_only": (
        "Det här gäller bara ett delat kontor på PostgreSQL; {where} är en SQLite-fil. Ange servern med --url postgresql+psycopg://…",
        "This is only for a shared office on PostgreSQL; {where} is a SQLite file. Give the server with --url postgresql+psycopg://…",
    ),
    "database.roles_missing": (
        "Satellitkontorets grupproller finns inte på servern ({where}). Kör först 'satellitkontor db init'.",
        "Satellitkontoret's group roles do not exist on the server ({where}). Run 'satellitkontor db init' first.",
    ),
    "login.invalid": (
        "Ogiltigt inloggningsnamn: «{value}». Använd bokstäverna a–z, siffror och _ . - @ (högst 63 tecken, första tecknet en bokstav), till exempel AD-kontots namn.",
        "Invalid login name: «{value}». Use the letters a–z, digits and _ . - @ (at most 63 characters, starting with a letter), for example the AD account's name.",
    ),
    "login.not_allowed": (
        "Inloggningen «{value}» kan inte kopplas till en person: den är {reason_sv}. Appen ska ansluta med användarens egen inloggning.",
        "The login «{value}» cannot be mapped to a person: it is {reason_en}. The app must connect with the user's own login.",
    ),
    "login.not_found": (
        "Det finns ingen databasinloggning «{login}».",
        "There is no database login «{login}».",
    ),
    "database.schema_too_new.backup": (
        "Säkerhetskopian {where} är gjord av en nyare version av Satellitkontoret ({revision}). Uppdatera programmet och försök igen.",
        "The backup {where} was made by a newer version of Satellitkontoret ({revision}). Update the program and try again.",
    ),
    "state.office_not_empty.restore": (
        "Databasen {where} innehåller redan ett kontor. Använd --replace för att ersätta det.",
        "The database {where} already holds an office. Use --replace to replace it.",
    ),
    "backup": ("Säkerhetskopieringen misslyckades.", "The backup failed."),
    "backup.file_missing": ("Filen {path} finns inte.", "The file {path} does not exist."),
    "backup.folder_missing": (
        "Mappen {path} finns inte. Välj en mapp som finns för säkerhetskopian.",
        "The folder {path} does not exist. Choose an existing folder for the backup.",
    ),
    "backup.folder_not_writable": (
        "Säkerhetskopian kan inte sparas i mappen {path} ({detail}). Välj en mapp där du får spara filer.",
        "The backup cannot be saved in the folder {path} ({detail}). Choose a folder you may save files in.",
    ),
    "backup.file_exists": (
        "Filen {path} finns redan. Välj ett annat namn eller använd --force för att skriva över den.",
        "The file {path} already exists. Choose another name or use --force to overwrite it.",
    ),
    "backup.not_a_backup": (
        "Filen {path} är ingen säkerhetskopia av Satellitkontoret.",
        "The file {path} is not a backup of Satellitkontoret.",
    ),
    "backup.not_a_backup.damaged": (
        "Filen {path} är skadad eller ofullständig och kan inte läsas tillbaka ({detail}).",
        "The file {path} is damaged or incomplete and cannot be restored ({detail}).",
    ),
    "backup.nothing_to_back_up": (
        "Databasen {where} innehåller inget kontor att säkerhetskopiera.",
        "The database {where} holds no office to back up.",
    ),
    "backup.restore_failed": (
        "Säkerhetskopian {path} kunde inte läsas in ({detail}). Ingenting i databasen ändrades.",
        "The backup {path} could not be restored ({detail}). Nothing in the database was changed.",
    ),
    "backup.needs_owner": (
        "Inloggningen får inte läsa eller skriva hela kontoret i {where} ({detail}). Säkerhetskopiering och återställning görs av databasens ägare (DBA).",
        "This login may not read or write the whole office in {where} ({detail}). Backup and restore are done by the database's owner (DBA).",
    ),
    "settings.file_invalid": (
        "Inställningsfilen {path} går inte att läsa ({detail}). Kontakta IT.",
        "The settings file {path} cannot be read ({detail}). Contact IT.",
    ),
    # calendar import: the file's problems are worded in CALENDAR_PROBLEMS below
    "ical.invalid": ("{file_problem}", "{file_problem}"),
    "ical.notice": ("{file_problem}", "{file_problem}"),
    "import": ("Händelsen kan inte importeras.", "The event cannot be imported."),
    "import.unknown_resource": (
        "Ingen plats och inget rum i kontoret passar «{place}»; ange vilken plats händelsen gäller.",
        "No desk or room of the office matches «{place}»; say which place the event is for.",
    ),
    "import.unknown_person": (
        "Ingen person i kontoret har e-postadressen {emails}.",
        "No person of the office has the e-mail address {emails}.",
    ),
    "import.cancelled": (
        "Händelsen är inställd i kalendern och importeras inte.",
        "The event is cancelled in the calendar and is not imported.",
    ),
    "import.spans_days": (
        "Mötet pågår från {begins} till {ends}; konferensrummet bokas inom en dag.",
        "The meeting lasts from {begins} to {ends}; the conference room is booked within one day.",
    ),
    "import.spans_days.too_many": (
        "Händelsen pågår från {begins} till {ends}; högst {limit} dagar åt gången kan importeras.",
        "The event lasts from {begins} to {ends}; at most {limit} days at a time can be imported.",
    ),
    "conflict.in_file": (
        "Krockar med «{other}» i samma fil ({resource}, {when}).",
        "Overlaps «{other}» in the same file ({resource}, {when}).",
    ),
    "conflict.no_free_desk": ("Ingen kontorsplats är ledig {when}.", "No desk is free {when}."),
    "conflict.already_imported": (
        "Redan importerad tidigare (bokning {booking}).",
        "Already imported before (booking {booking}).",
    ),
    "conflict.duplicate_in_file": (
        "Samma händelse finns redan tidigare i filen (rad {line}).",
        "The same event comes earlier in the file (line {line}).",
    ),
    "conflict.import": (
        "Importen avbröts och ingenting sparades: «{summary}» {when} gick inte att boka. {cause_text}",
        "The import was stopped and nothing was saved: «{summary}» {when} could not be booked. {cause_text}",
    ),
    # Exchange (integrations/exchange/errors.py)
    "exchange": (
        "Kontakten med Exchange misslyckades ({detail}).",
        "Talking to Exchange failed ({detail}).",
    ),
    "exchange.unreachable": (
        "Exchange-servern svarar inte ({url}): kontrollera adressen eller försök igen senare.",
        "The Exchange server does not answer ({url}): check the address or try again later.",
    ),
    "exchange.timeout": (
        "Exchange-servern svarade inte inom {seconds} sekunder ({url}). Synkroniseringen försöker igen senare.",
        "The Exchange server did not answer within {seconds} seconds ({url}). The sync will try again later.",
    ),
    "exchange.unauthorized": (
        "Exchange godtar inte inloggningen för {username}: kontrollera användarnamn och lösenord.",
        "Exchange does not accept the sign-in for {username}: check the user name and password.",
    ),
    "exchange.sign_in_required": (
        "Inloggningen till Microsoft 365 har gått ut för {username}: logga in igen på Exchange-sidan under Administration.",
        "The Microsoft 365 sign-in of {username} has expired: sign in again on the Exchange page under Administration.",
    ),
    "exchange.no_rights": (
        "Kontot {username} saknar behörighet till postlådan {mailbox}. Be Exchange-administratören ge kontot rätt till den.",
        "The account {username} has no rights to the mailbox {mailbox}. Ask the Exchange administrator to grant them.",
    ),
    "exchange.no_rights.not_found": (
        "Exchange har ingen postlåda {mailbox}: kontrollera e-postadressen.",
        "Exchange has no mailbox {mailbox}: check the e-mail address.",
    ),
    "exchange.ews_disabled": (
        "EWS är avstängt för organisationen i Exchange Online ({detail}). Välj Microsoft Graph i Exchange-inställningarna eller be IT tillåta appen.",
        "EWS is switched off for the organisation in Exchange Online ({detail}). Choose Microsoft Graph in the Exchange settings or ask IT to allow the app.",
    ),
    "exchange.throttled": (
        "Exchange är hårt belastat och ber oss vänta {seconds} sekunder. Synkroniseringen försöker igen automatiskt.",
        "Exchange is busy and asks us to wait {seconds} seconds. The sync will try again automatically.",
    ),
    "exchange.server_error": (
        "Exchange-servern svarade med ett fel ({detail}). Synkroniseringen försöker igen senare.",
        "The Exchange server answered with an error ({detail}). The sync will try again later.",
    ),
    "exchange.conflict": (
        "Händelsen har ändrats i Outlook sedan den senast synkades, så ändringen från appen skrevs inte över den.",
        "The event was changed in Outlook since it was last synced, so the app's change was not written over it.",
    ),
}

ACTIONS = {
    "book_for_other": ("boka åt någon annan", "book for someone else"),
    "cancel_booking": ("avboka någon annans bokning", "cancel someone else's booking"),
    "check_in": ("checka in någon annan", "check in someone else"),
    "mark_no_show": ("markera uteblivna", "mark no-shows"),
    "add_person": ("lägga till en person", "add a person"),
    "set_role": ("ändra en persons roll", "change a person's role"),
    "set_person_active": ("aktivera eller avaktivera en person", "activate or deactivate a person"),
    "add_resource": ("lägga till en plats eller ett rum", "add a desk or room"),
    "update_resource": ("ändra en plats eller ett rum", "change a desk or room"),
    "add_closure": ("lägga till en stängning av kontoret", "add a closure of the office"),
    "remove_closure": ("ta bort en stängning av kontoret", "remove a closure of the office"),
    "update_policy": ("ändra reglerna för bokning", "change the booking rules"),
    "confirm_rotation": ("bekräfta värdkommun för ett år", "confirm a year's host municipality"),
    "add_meeting": ("lägga till ett möte i värdkommunskalendern", "add a meeting to the rotation calendar"),
    "export_internal_feed": (
        "exportera ett internt kalenderflöde med namn (välj --privacy public)",
        "export an internal calendar feed with names (choose --privacy public)",
    ),
    "publish_feed": ("publicera kalenderflöden", "publish calendar feeds"),
    "revoke_feed": ("återkalla kalenderflöden", "revoke calendar feeds"),
    "list_feeds": ("se publicerade kalenderflöden", "see published calendar feeds"),
    "import_bookings": ("importera bokningar från en kalenderfil", "import bookings from a calendar file"),
    "view_audit": ("se ändringsloggen", "see the change log"),
    "remove_last_admin": (
        "ta bort den sista administratören (utse först en ny)",
        "remove the last administrator (appoint a new one first)",
    ),
    "update_privacy": (
        "ändra inställningarna för personuppgifter",
        "change the settings for personal data",
    ),
    "apply_retention": ("rensa gamla personuppgifter", "remove old personal data"),
    "erase_person": ("radera en persons personuppgifter", "erase a person's personal data"),
    "erase_self": (
        "radera dina egna personuppgifter (be en annan administratör)",
        "erase your own personal data (ask another administrator)",
    ),
    "export_person_data": (
        "hämta någon annans personuppgifter (bara dina egna, eller som administratör)",
        "get someone else's personal data (only your own, or as an administrator)",
    ),
}
FIELDS = {
    "email": ("e-postadress", "e-mail address"),
    "password": ("lösenord", "password"),
    "name": ("namn", "name"),
    "date": ("datum (skriv ÅÅÅÅ-MM-DD)", "date (write YYYY-MM-DD)"),
    "time": ("tid (skriv TT:MM)", "time (write HH:MM)"),
    "period": (
        "del av dagen (skriv heldag, fm eller em)",
        "part of the day (write full, morning or afternoon)",
    ),
    "weekdays": ("veckodagar (skriv t.ex. mån,ons,fre)", "weekdays (write e.g. mon,wed,fri)"),
    "series": ("serie (bokningen ingår inte i någon serie)", "series (the booking is not part of a series)"),
    "room": ("rum (kontoret har inget konferensrum)", "room (the office has no conference room)"),
    "year": ("år", "year"),
    "title": ("rubrik (högst 200 tecken)", "title (at most 200 characters)"),
    "capacity": ("kapacitet", "capacity"),
    "room_series": (
        "upprepad rumsbokning (ange starttid, sluttid och antal deltagare)",
        "repeated room booking (give start time, end time and participants)",
    ),
    "policy": ("regel", "rule"),
    "week": ("öppettider per veckodag", "opening hours per weekday"),
    "opening_hours": ("öppettid (öppnar före stängning)", "opening hours (opening before closing)"),
    "horizon_days": ("antal dagar framåt som går att boka", "days ahead that can be booked"),
    "room_slot_minutes": ("rummets tidsintervall i minuter", "the room's time step in minutes"),
    "room_min_minutes": ("kortaste rumsbokning i minuter", "shortest room booking in minutes"),
    "room_max_minutes": ("längsta rumsbokning i minuter", "longest room booking in minutes"),
    "max_participants": ("högsta antal deltagare", "maximum participants"),
    "closure": ("stängningens datum (första dagen före sista)", "closure dates (first day before last)"),
    "reason": ("anledning", "reason"),
    "meeting_kind": ("typ av möte", "kind of meeting"),
    "end": ("sluttid", "end time"),
    "date_range": ("datumintervall (första dagen före sista)", "date range (first day before last)"),
    "folder": (
        "mapp (ange --all och --folder MAPP, utan --out)",
        "folder (give --all and --folder DIR, without --out)",
    ),
    "feed_target": (
        "flödets mål (en plats eller ett rum, en kommun eller en person)",
        "the feed's target (a desk or room, a municipality or a person)",
    ),
    "feed_label": ("flödets namn (högst 200 tecken)", "the feed's name (at most 200 characters)"),
    "audit_action": (
        "händelse (t.ex. booking.cancel eller booking; se satellitkontor audit --help)",
        "action (e.g. booking.cancel or booking; see satellitkontor audit --help)",
    ),
    "import_rule": (
        "regel (skriv TEXT=PLATS, t.ex. konferensrum@umea.se=Konferensrummet)",
        "rule (write TEXT=PLACE, e.g. konferensrum@umea.se=Konferensrummet)",
    ),
    "retention_months": (
        "gallringstid i månader (12–120)",
        "retention period in months (12–120)",
    ),
    "names_to_users": ("namn för alla användare (ja eller nej)", "names for all users (yes or no)"),
    "retention_on_start": ("rensa vid start (ja eller nej)", "remove on start (yes or no)"),
    "export_folder": ("mapp att spara i (den måste finnas)", "folder to save in (it must exist)"),
    "out": (
        "fil (en Excel-arbetsbok behöver --out FIL.xlsx)",
        "file (an Excel workbook needs --out FILE.xlsx)",
    ),
}
RECURRENCE = {
    "until_or_count": (
        "ange antingen ett slutdatum eller ett antal gånger",
        "give either an end date or a count",
    ),
    "count": (
        "antalet gånger måste vara mellan 1 och {maximum}",
        "the count must be between 1 and {maximum}",
    ),
    "until_before_start": ("slutdatumet ligger före startdatumet", "the end date is before the start date"),
    "interval": ("intervallet måste vara mellan 1 och 52", "the interval must be between 1 and 52"),
    "weekdays": ("ogiltiga veckodagar", "invalid weekdays"),
    "rrule": ("regeln {value} kan inte läsas", "the rule {value} cannot be read"),
}


#: What is wrong with an .ics file (``InvalidCalendarFile``) or what its import did
#: (``CalendarNotice``), by ``reason``.
CALENDAR_PROBLEMS = {
    "unreadable": ("Filen går inte att öppna: {detail}.", "The file cannot be opened: {detail}."),
    "empty": ("Filen är tom – den innehåller ingen kalender.", "The file is empty – it holds no calendar."),
    "too_large": (
        "Filen är för stor ({size} MB; högst {limit} MB). Exportera en kortare period åt gången.",
        "The file is too large ({size} MB; at most {limit} MB). Export a shorter period at a time.",
    ),
    "not_calendar": (
        "Filen är ingen kalenderfil (.ics): rad {line} börjar inte med BEGIN:VCALENDAR.",
        "The file is not a calendar file (.ics): line {line} does not start with BEGIN:VCALENDAR.",
    ),
    "binary": (
        "Filen är ingen textfil: rad {line} innehåller binära tecken. Välj den .ics-fil som kalenderprogrammet sparade.",
        "The file is not a text file: line {line} holds binary characters. Choose the .ics file the calendar program saved.",
    ),
    "encoding": (
        "Filens teckenkodning går inte att läsa ({detail}). Spara filen som UTF-8 och försök igen.",
        "The file's character encoding cannot be read ({detail}). Save the file as UTF-8 and try again.",
    ),
    "line_too_long": (
        "Rad {line} i filen är för lång (över {limit} tecken); filen är skadad eller ingen vanlig kalenderexport.",
        "Line {line} of the file is too long (over {limit} characters); the file is damaged or not an ordinary calendar export.",
    ),
    "bad_line": (
        "Rad {line} i filen är ingen giltig kalenderrad.",
        "Line {line} of the file is not a valid calendar line.",
    ),
    "too_deep": (
        "Filen är trasig: på rad {line} ligger delar i fler än {limit} nivåer inuti varandra.",
        "The file is damaged: at line {line} parts are nested more than {limit} levels deep.",
    ),
    "mismatch": (
        "Filen är trasig: rad {line} avslutar {found}, men det som är öppet är {expected}.",
        "The file is damaged: line {line} ends {found}, but what is open is {expected}.",
    ),
    "truncated": (
        "Filen tar slut för tidigt: {expected} avslutas aldrig (filen slutar på rad {line}). Den kan ha sparats eller kopierats ofullständigt.",
        "The file ends too early: {expected} is never closed (the file ends at line {line}). It may have been saved or copied incompletely.",
    ),
    "too_many_components": (
        "Filen har för många delar (fler än {limit}); den är skadad eller ingen vanlig kalenderexport.",
        "The file has too many parts (more than {limit}); it is damaged or not an ordinary calendar export.",
    ),
    "too_many_events": (
        "Filen har för många händelser (fler än {limit} åt gången). Exportera en kortare period åt gången.",
        "The file has too many events (more than {limit} at a time). Export a shorter period at a time.",
    ),
    "too_many_timezones": (
        "Filen beskriver för många tidszoner (rad {line}; högst {limit}); den är skadad eller ingen vanlig kalenderexport.",
        "The file describes too many time zones (line {line}; at most {limit}); it is damaged or not an ordinary calendar export.",
    ),
    "syntax": (
        "Filen går inte att tolka som kalender: {detail}.",
        "The file cannot be read as a calendar: {detail}.",
    ),
    "no_start": (
        "Händelsen på rad {line} saknar starttid (DTSTART).",
        "The event at line {line} has no start (DTSTART).",
    ),
    "bad_date": (
        "Händelsen på rad {line} har ett datum eller en tid som inte går att läsa: {detail}.",
        "The event at line {line} has a date or time that cannot be read: {detail}.",
    ),
    "end_before_start": (
        "Händelsen på rad {line} slutar innan den börjar ({detail}).",
        "The event at line {line} ends before it starts ({detail}).",
    ),
    "unknown_timezone": (
        "Händelsen på rad {line} använder tidszonen «{detail}», som filen inte beskriver.",
        "The event at line {line} uses the time zone «{detail}», which the file does not describe.",
    ),
    "bad_timezone": (
        "Tidszonen «{detail}» som händelsen på rad {line} använder är felaktigt beskriven i filen.",
        "The time zone «{detail}» that the event at line {line} uses is badly described in the file.",
    ),
    "bad_rrule": (
        "Upprepningen av händelsen på rad {line} går inte att läsa ({detail}).",
        "The repetition of the event at line {line} cannot be read ({detail}).",
    ),
    "cp1252": (
        "Filen var inte sparad som UTF-8 och har lästs som Windows-1252; kontrollera att å, ä och ö ser rätt ut.",
        "The file was not saved as UTF-8 and was read as Windows-1252; check that å, ä and ö look right.",
    ),
    "alarms_dropped": (
        "Händelsen på rad {line} hade {count} påminnelser; påminnelser importeras inte.",
        "The event at line {line} had {count} reminders; reminders are not imported.",
    ),
    "series_open_ended": (
        "Serien «{summary}» (rad {line}) har inget slut; tillfällen efter {horizon} har inte tagits med.",
        "The series «{summary}» (line {line}) has no end; occurrences after {horizon} were left out.",
    ),
    "series_beyond_horizon": (
        "Serien «{summary}» (rad {line}) fortsätter efter {horizon}; de senare tillfällena har inte tagits med.",
        "The series «{summary}» (line {line}) goes on after {horizon}; the later occurrences were left out.",
    ),
    "series_truncated": (
        "Serien «{summary}» (rad {line}) har fler än {limit} tillfällen; bara de {limit} första har tagits med.",
        "The series «{summary}» (line {line}) has more than {limit} occurrences; only the first {limit} were taken.",
    ),
    "series_unsupported": (
        "Serien «{summary}» (rad {line}) upprepas på ett sätt som inte stöds ({detail}); bara första tillfället har tagits med.",
        "The series «{summary}» (line {line}) repeats in a way that is not supported ({detail}); only the first occurrence was taken.",
    ),
    "participants_capped": (
        "{invited} inbjudna; sparas som {limit} deltagare, rummets största antal.",
        "{invited} invited; saved as {limit} participants, the room's maximum.",
    ),
}


COMPONENTS = {
    "VCALENDAR": ("kalendern", "the calendar"),
    "VEVENT": ("händelsen", "the event"),
    "VALARM": ("påminnelsen", "the reminder"),
    "VTIMEZONE": ("tidszonen", "the time zone"),
}
