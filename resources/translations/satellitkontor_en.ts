<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="53"/>
        <source>Om Satellitkontoret</source>
        <translation>About Satellitkontoret</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="60"/>
        <source>Programmets ikon</source>
        <translation>The program&apos;s icon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="64"/>
        <source>Bokning av kontorsplatser och konferensrum på Umeåregionens satellitkontor.</source>
        <translation>Desk and conference-room booking for Umeåregionen&apos;s satellite office.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="93"/>
        <source>&amp;Kopiera</source>
        <extracomment>More sections go here (the record of processing of personal data is the first).</extracomment>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="95"/>
        <source>Kopiera uppgifterna till urklipp</source>
        <translation>Copy the details to the clipboard</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="96"/>
        <source>Kopiera uppgifterna, t.ex. till ett mejl till IT</source>
        <translation>Copy the details, e.g. into an e-mail to IT</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="99"/>
        <source>Öppna &amp;loggmappen</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="114"/>
        <source>{where} (inte öppnad)</source>
        <translation>{where} (not opened)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="117"/>
        <source>(finns inte: standardvärden används)</source>
        <translation>(not there: defaults are used)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="120"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="121"/>
        <source>Databas</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="122"/>
        <source>Loggfil</source>
        <translation>Log file</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="123"/>
        <source>Dina inställningar</source>
        <translation>Your settings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="124"/>
        <source>Datorns inställningar</source>
        <translation>This computer&apos;s settings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="125"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="126"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="127"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="128"/>
        <source>Licens</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/about_dialog.py" line="138"/>
        <source>&amp;Kopierat</source>
        <translation>&amp;Copied</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin_view.py" line="80"/>
        <location filename="../../satellitkontor/gui/views/admin_view.py" line="113"/>
        <source>Administration</source>
        <extracomment>key, the page&apos;s module in ``views/admin/`` and class, and its title: the words of the page&apos;s own ``page_title`` (``self.tr`` there, so the translation is found in the page class&apos;s context). A page&apos;s module is imported when the page is first made: importing all eight with the view kept the GUI thread busy ~120 ms (issue 18).</extracomment>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="82"/>
        <source>Tid</source>
        <extracomment>The entry&apos;s id. The view reached the end of what is loaded and more entries match: load the next page.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="83"/>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="84"/>
        <source>Händelse</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="85"/>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="86"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/audit_model.py" line="87"/>
        <source>Ändring</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="90"/>
        <source>Begränsa &amp;period</source>
        <extracomment>Entries per page loaded as the list scrolls. How long typing may pause before the list follows the search text (ms). The width the last column (what changed) keeps when the page is first shown, if the texts of the other columns leave it. A cell&apos;s margins: a text this much narrower than its column shows whole. Which columns give way first when the list is wider than the page: Gäller, Händelse, Vem, Person. Fresh entries are on screen (after a refresh or a filter change). The next page was added to the list. A CSV file was written (its path).</extracomment>
        <translation>Limit the &amp;period</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="92"/>
        <source>Från och med</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="93"/>
        <source>Till och med</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="97"/>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="372"/>
        <source>Händelse</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="98"/>
        <source>Alla händelser</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="110"/>
        <source>Sök i ändringsloggen</source>
        <translation>Search the change log</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="111"/>
        <source>Person, plats, värde …</source>
        <translation>Person, place, value …</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="124"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="125"/>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="126"/>
        <source>&amp;Händelse:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="127"/>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="138"/>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="205"/>
        <source>Ändringslogg</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="163"/>
        <source>Före och efter</source>
        <translation>Before and after</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="173"/>
        <source>Exportera &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="175"/>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="399"/>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="187"/>
        <source>Varje ändring sparas här med vem, när och vad som ändrades. Loggen kan inte ändras eller tas bort; namn tas bort enligt lagringstiden.</source>
        <translation>Every change is kept here with who, when and what changed. The log cannot be changed or removed; names are removed when the retention period ends.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="334"/>
        <source>Inga poster matchar. Ändra sökorden eller perioden, eller töm filtren.</source>
        <translation>No entries match. Change the search words or the period, or clear the filters.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="336"/>
        <source>Ändringsloggen är tom.</source>
        <translation>The change log is empty.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="340"/>
        <source>1 post</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="340"/>
        <source>{n} poster</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="344"/>
        <source>{shown} av {total} poster visas</source>
        <translation>{shown} of {total} entries shown</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="366"/>
        <source>Välj en post för att se vad som ändrades.</source>
        <translation>Choose an entry to see what changed.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="370"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="371"/>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="373"/>
        <source>Gäller</source>
        <translation>Concerns</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="376"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="378"/>
        <source>Obs</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="378"/>
        <source>Personuppgifter har tagits bort ur posten.</source>
        <translation>Personal data has been removed from the entry.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="385"/>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="385"/>
        <source>Före</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="385"/>
        <source>Efter</source>
        <translation>After</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="394"/>
        <source>satellitkontoret-andringslogg-{day}</source>
        <translation>satellite-office-change-log-{day}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="399"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="413"/>
        <source>1 post sparades i {path}</source>
        <translation>1 entry was saved in {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="413"/>
        <source>{n} poster sparades i {path}</source>
        <translation>{n} entries were saved in {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/audit_page.py" line="419"/>
        <source>Exporterar ändringsloggen…</source>
        <translation>Exporting the change log…</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="57"/>
        <source>Säker&amp;hetskopiera kontoret…</source>
        <extracomment>What the file dialogs offer. A backup was written / an office restored (the summary; tests wait for these). After a restore the person using the app is not in the office: ask who it is.</extracomment>
        <translation>&amp;Back up the office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="60"/>
        <source>Åte&amp;rställ från säkerhetskopia…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="86"/>
        <source>Säkerhetskopiera kontoret</source>
        <translation>Back up the office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="98"/>
        <source>Säkerhetskopierar kontoret…</source>
        <translation>Backing up the office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="106"/>
        <source>Säkerhetskopian är sparad</source>
        <translation>The backup is saved</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="107"/>
        <source>Säkerhetskopian är sparad: {file} – {people} personer, {bookings} bokningar</source>
        <translation>The backup is saved: {file} – {people} people, {bookings} bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="119"/>
        <source>Återställ från säkerhetskopia</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="145"/>
        <source>Ersätta kontoret?</source>
        <translation>Replace the office?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="148"/>
        <source>Allt i kontoret ersätts med innehållet i {file}: personer, platser, bokningar, ändringsloggen, värdkommunskalendern och inställningarna.</source>
        <translation>Everything in the office is replaced by the contents of {file}: people, desks, bookings, the change log, the host municipality calendar and the settings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="152"/>
        <source>Det går inte att ångra. Gör gärna en säkerhetskopia först.</source>
        <translation>This cannot be undone. Consider making a backup first.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="153"/>
        <source>Ersätt kontoret</source>
        <translation>Replace the office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="154"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="172"/>
        <source>Återställer kontoret…</source>
        <translation>Restoring the office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="187"/>
        <source>Kontoret är återställt</source>
        <translation>The office is restored</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="189"/>
        <source>Kontoret är återställt från {file} – {people} personer, {bookings} bokningar</source>
        <translation>The office is restored from {file} – {people} people, {bookings} bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="207"/>
        <source>Säkerhetskopior (*{suffix});;Alla filer (*)</source>
        <translation>Backups (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="210"/>
        <source>{done} av {total} rader</source>
        <translation>{done} of {total} rows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="219"/>
        <source>Det gick inte</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/backup_actions.py" line="220"/>
        <source>{file} är kontorets egen databas. Välj en annan fil för säkerhetskopian.</source>
        <translation>{file} is the office&apos;s own database. Choose another file for the backup.</translation>
    </message>
</context>
<context>
    <name>BookView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="87"/>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="232"/>
        <source>Stängt</source>
        <extracomment>Fresh data is on screen (tests wait on it). The conference room was clicked on the plan: its Resource.</extracomment>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="95"/>
        <source>Lediga platser</source>
        <translation>Free desks</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="99"/>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="146"/>
        <source>Planritning</source>
        <translation>Floor plan</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="101"/>
        <source>Platserna på planritningen. Samma uppgifter finns i listan under den.</source>
        <translation>The desks on the floor plan. The same information is in the list below it.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="108"/>
        <source>Platser</source>
        <translation>Desks</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="123"/>
        <source>&amp;Boka…</source>
        <translation>&amp;Book…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="126"/>
        <source>Boka vald plats</source>
        <translation>Book selected desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="127"/>
        <source>Boka den valda platsen (Enter i listan)</source>
        <translation>Book the selected desk (Enter in the list)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="130"/>
        <source>Checka &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="132"/>
        <source>Checka in på min plats</source>
        <translation>Check in at my desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="133"/>
        <source>Markera att du har kommit (från en timme före start)</source>
        <translation>Mark that you have arrived (from an hour before the start)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="139"/>
        <source>Meddelande</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="147"/>
        <source>&amp;Platser</source>
        <translation>&amp;Desks</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="179"/>
        <source>Boka plats</source>
        <translation>Book a desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="230"/>
        <source>1 möte</source>
        <translation>1 meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="230"/>
        <source>{n} möten</source>
        <translation>{n} meetings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="236"/>
        <source>Kontoret är stängt: {reason}</source>
        <translation>The office is closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="248"/>
        <source>Platser {day}</source>
        <translation>Desks {day}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="258"/>
        <source>Inga platser går att boka den här dagen.</source>
        <translation>No desks can be booked on this day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="262"/>
        <source>{free} av {total} platser lediga, 1 ledig en halvdag</source>
        <translation>{free} of {total} desks free, 1 free for half a day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="266"/>
        <source>{free} av {total} platser lediga, {partial} lediga en halvdag</source>
        <translation>{free} of {total} desks free, {partial} free for half a day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="269"/>
        <source>{free} av {total} platser lediga</source>
        <translation>{free} of {total} desks free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="322"/>
        <source>Incheckad på {desk}. Välkommen!</source>
        <translation>Checked in at {desk}. Welcome!</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="353"/>
        <source>Ingen kontakt med databasen: det går inte att boka just nu. Försök igen om en stund.</source>
        <translation>No contact with the database: booking is not possible right now. Please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="359"/>
        <source>Kontoret är stängt: {reason}. Det går inte att boka den dagen.</source>
        <translation>The office is closed: {reason}. Nothing can be booked that day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="366"/>
        <source>{desk} är upptagen hela dagen. Välj en annan plats eller dag.</source>
        <translation>{desk} is taken all day. Choose another desk or day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="389"/>
        <source>Bokat: {desk}, {period}, {day}.</source>
        <translation>Booked: {desk}, {period}, {day}.</translation>
    </message>
</context>
<context>
    <name>CalendarImportBox</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="35"/>
        <source>Importera från kalender</source>
        <extracomment>The import dialog is open (it is ``dialog``). Reading the file failed (the error box is shown). Bookings were imported (the ImportResult). Tests set this false: Qt&apos;s own file dialog, which they can fill in.</extracomment>
        <translation>Import from a calendar</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="42"/>
        <source>Läs in bokningar från en kalenderfil (.ics), till exempel en export från Outlook eller Microsoft Bookings. Du ser först vad som skulle hända; ingenting sparas förrän du väljer Importera.</source>
        <translation>Read bookings from a calendar file (.ics), for example an export from Outlook or Microsoft Bookings. You see first what would happen; nothing is saved until you choose Import.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="47"/>
        <source>&amp;Importera kalenderfil (.ics)…</source>
        <translation>&amp;Import calendar file (.ics)…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="49"/>
        <source>Importera kalenderfil (.ics)</source>
        <translation>Import calendar file (.ics)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="55"/>
        <source>Senaste import</source>
        <translation>Latest import</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="64"/>
        <source>Välj kalenderfil att importera</source>
        <translation>Choose a calendar file to import</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="68"/>
        <source>Kalenderfiler (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="68"/>
        <source>Alla filer (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="81"/>
        <source>Läser {file}…</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="91"/>
        <source>{file} kunde inte läsas; ingenting importerades.</source>
        <translation>{file} could not be read; nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="101"/>
        <source>Läser kalenderfilen…</source>
        <translation>Reading the calendar file…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="116"/>
        <source>1 bokning importerades.</source>
        <translation>1 booking was imported.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/calendar_import_box.py" line="118"/>
        <source>{n} bokningar importerades.</source>
        <translation>{n} bookings were imported.</translation>
    </message>
</context>
<context>
    <name>CancelRangeDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="29"/>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="30"/>
        <source>Avboka flera dagar</source>
        <translation>Cancel several days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="34"/>
        <source>Första dagen</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="35"/>
        <source>Sista dagen</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="36"/>
        <source>Anledning (frivillig)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="37"/>
        <source>t.ex. Semester</source>
        <translation>e.g. Holiday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="34"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="35"/>
        <source>&amp;Till och med:</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="36"/>
        <source>&amp;Anledning (frivillig):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="42"/>
        <source>Av&amp;boka dagarna</source>
        <translation>&amp;Cancel the days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="43"/>
        <source>Avboka dagarna</source>
        <translation>Cancel the days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/cancel_range_dialog.py" line="46"/>
        <source>Behåll</source>
        <translation>Keep</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="47"/>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="48"/>
        <source>Ändra bokningen</source>
        <translation>Change the booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="51"/>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="57"/>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="62"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="69"/>
        <source>&amp;Plats:</source>
        <translation>&amp;Desk:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="70"/>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="75"/>
        <source>&amp;Dag:</source>
        <translation>D&amp;ay:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="71"/>
        <source>D&amp;el av dagen:</source>
        <translation>&amp;Part of the day:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="76"/>
        <source>&amp;Börjar:</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="77"/>
        <source>&amp;Slutar:</source>
        <translation>&amp;Ends:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="78"/>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="79"/>
        <source>De&amp;ltagare:</source>
        <translation>Partici&amp;pants:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="83"/>
        <source>&amp;Spara ändringen</source>
        <translation>&amp;Save the change</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="84"/>
        <source>Spara ändringen</source>
        <translation>Save the change</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_dialog.py" line="87"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChangeFields</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="29"/>
        <source>Plats</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="36"/>
        <source>Del av dagen</source>
        <translation>Part of the day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="38"/>
        <source>Heldag</source>
        <translation>Full day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="39"/>
        <source>Förmiddag</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="40"/>
        <source>Eftermiddag</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="47"/>
        <source>Börjar</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/change_fields.py" line="50"/>
        <source>Slutar</source>
        <translation>Ends</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="35"/>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="36"/>
        <source>Ny stängning</source>
        <translation>New closure</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="41"/>
        <source>Första stängda dag</source>
        <translation>First closed day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="42"/>
        <source>Sista stängda dag</source>
        <translation>Last closed day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="43"/>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="44"/>
        <source>t.ex. Renovering</source>
        <translation>e.g. Renovation</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="41"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="42"/>
        <source>&amp;Till och med:</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="43"/>
        <source>&amp;Anledning:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="53"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="61"/>
        <source>Bokningar som avbokas</source>
        <translation>Bookings to be cancelled</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="108"/>
        <source>{count}. De avbokas när stängningen läggs till, och bokarna ser varför:</source>
        <translation>{count}. They are cancelled when the closure is added, and their bookers see why:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="118"/>
        <source>&amp;Stäng och avboka</source>
        <translation>&amp;Close and cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="119"/>
        <source>Stäng och avboka</source>
        <translation>Close and cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="49"/>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="82"/>
        <source>&amp;Lägg till</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/closure_dialog.py" line="50"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>ClosuresModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/closures_model.py" line="28"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/closures_model.py" line="28"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/closures_model.py" line="28"/>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ClosuresPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="79"/>
        <source>Stängningar</source>
        <extracomment>How far ahead the holidays are listed. Fresh data is on screen.</extracomment>
        <translation>Closures</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="87"/>
        <source>Inga stängningar är inlagda. Helgdagarna (till höger) stänger kontoret av sig själva; lägg till andra dagar med Ny stängning…</source>
        <translation>No closures have been added. Public holidays (on the right) close the office by themselves; add other days with New closure…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="94"/>
        <source>&amp;Ny stängning…</source>
        <translation>&amp;New closure…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="96"/>
        <source>Ny stängning</source>
        <translation>New closure</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="98"/>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="193"/>
        <source>&amp;Ta bort</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="100"/>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="183"/>
        <source>Ta bort stängningen</source>
        <translation>Remove the closure</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="111"/>
        <source>Kontoret stängt (inlagt av administratör)</source>
        <translation>Office closed (added by an administrator)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="120"/>
        <source>Helgdagar det kommande året</source>
        <translation>Holidays in the coming year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="125"/>
        <source>Helgdagar det kommande året (kontoret är stängt)</source>
        <translation>Holidays in the coming year (the office is closed)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="139"/>
        <source>Stängda dagar</source>
        <translation>Closed days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="186"/>
        <source>Ta bort stängningen {start} – {end} ({reason})? Kontoret blir då bokningsbart de dagarna.</source>
        <translation>Remove the closure {start} – {end} ({reason})? The office can then be booked on those days.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/closures_page.py" line="193"/>
        <source>&amp;Behåll</source>
        <translation>&amp;Keep</translation>
    </message>
</context>
<context>
    <name>DateNavigator</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="35"/>
        <source>Föregående arbetsdag</source>
        <translation>Previous working day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="36"/>
        <source>Föregående arbetsdag (Alt+Vänster)</source>
        <translation>Previous working day (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="38"/>
        <source>&amp;Idag</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="40"/>
        <source>Idag</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="44"/>
        <source>Nästa arbetsdag</source>
        <translation>Next working day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="45"/>
        <source>Nästa arbetsdag (Alt+Höger)</source>
        <translation>Next working day (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="50"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="116"/>
        <source>Stängt: {reason}</source>
        <extracomment>Whether the navigator itself says why a day is closed; a view that says it in one place of its own (the day view&apos;s totals, the booking view&apos;s banner) turns this off.</extracomment>
        <translation>Closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/date_navigator.py" line="125"/>
        <source>{day} (idag)</source>
        <translation>{day} (today)</translation>
    </message>
</context>
<context>
    <name>DayDesksModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="85"/>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="113"/>
        <source>stängt</source>
        <extracomment>the office is closed that day: an empty half reads &quot;stängt&quot;, never &quot;ledig&quot;</extracomment>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="113"/>
        <source>ledig</source>
        <translation>free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="114"/>
        <source>(okänd)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="117"/>
        <source>Gäst: {guest}, {org} (värd {name}, {municipality})</source>
        <translation>Guest: {guest}, {org} (host {name}, {municipality})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="120"/>
        <source>{name} ({municipality})</source>
        <translation>{name} ({municipality})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="129"/>
        <source>fm: {morning} · em: {afternoon}</source>
        <translation>am: {morning} · pm: {afternoon}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="133"/>
        <source>Ledig</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="133"/>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="134"/>
        <source>{name}, {email}
{start}–{end}, {period}
Status: {status}</source>
        <translation>{name}, {email}
{start}–{end}, {period}
Status: {status}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="145"/>
        <source>Plats</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="145"/>
        <source>Förmiddag</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="145"/>
        <source>Eftermiddag</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_desks_model.py" line="145"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DayRoomModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="56"/>
        <source>Gäst: {guest}, {org} (värd {name})</source>
        <translation>Guest: {guest}, {org} (host {name})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="71"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="72"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="73"/>
        <source>Bokad av</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="74"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="75"/>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="76"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/day_room_model.py" line="87"/>
        <source>{room}: {title}
{name}, {email}</source>
        <translation>{room}: {title}
{name}, {email}</translation>
    </message>
</context>
<context>
    <name>DaySheet</name>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="58"/>
        <source>Kontoret är stängt: {reason}</source>
        <extracomment>The check-in column&apos;s empty box, ticked by hand on paper.</extracomment>
        <translation>The office is closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="63"/>
        <source>{n} bokad</source>
        <translation>{n} booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="65"/>
        <source>{n} bokade</source>
        <translation>{n} booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="68"/>
        <source>{n} ledig</source>
        <translation>{n} free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="70"/>
        <source>{n} lediga</source>
        <translation>{n} free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="73"/>
        <source>{hours} timme bokad</source>
        <translation>{hours} hour booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="75"/>
        <source>{hours} timmar bokade</source>
        <translation>{hours} hours booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="80"/>
        <source>Platser: {taken}, {free} · Konferensrum: {room}</source>
        <translation>Desks: {taken}, {free} · Conference room: {room}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="99"/>
        <source>Ledigt: {free}</source>
        <translation>Free: {free}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="134"/>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="182"/>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="196"/>
        <source>Satellitkontoret – dagsöversikt</source>
        <translation>Satellite office – day overview</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="137"/>
        <source>{day} – stängt: {reason}</source>
        <translation>{day} – closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="141"/>
        <source>{day}, öppet {opens}–{closes}</source>
        <translation>{day}, open {opens}–{closes}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="144"/>
        <source>Utskriven {day} kl. {time}</source>
        <translation>Printed {day} at {time}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="147"/>
        <source>Umeåregionens satellitkontor · Renmarkstorget 5D, 3 tr, Umeå</source>
        <translation>Umeåregionen&apos;s satellite office · Renmarkstorget 5D, 3rd floor, Umeå</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="151"/>
        <source>Incheckad</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="152"/>
        <source>Signatur</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="154"/>
        <source>Kontrollerad av: ______________________________   Signatur: ______________________</source>
        <translation>Checked by: ______________________________   Signature: ______________________</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="163"/>
        <source>Inga kontorsplatser.</source>
        <translation>No desks.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="87"/>
        <source>Inga möten bokade.</source>
        <translation>No meetings booked.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/printing/day_sheet.py" line="230"/>
        <source>Skriv ut dagsöversikt</source>
        <translation>Print day overview</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="75"/>
        <source>Kontorsplatser</source>
        <extracomment>Fresh data for the chosen day is on screen.</extracomment>
        <translation>Desks</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="78"/>
        <source>Konferensrummets möten</source>
        <translation>Conference room meetings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="83"/>
        <source>Inga möten bokade i konferensrummet den här dagen. Välj en person ovan och boka rummet åt henne eller honom.</source>
        <translation>No meetings booked in the conference room this day. Choose a person above and book the room for them.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="87"/>
        <source>Boka konferensrummet åt…</source>
        <translation>Book the conference room for…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="94"/>
        <source>&amp;Kontorsplatser</source>
        <translation>&amp;Desks</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="96"/>
        <source>Konferens&amp;rum</source>
        <translation>Conference &amp;room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="103"/>
        <source>&amp;Checka in</source>
        <translation>&amp;Check in</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="105"/>
        <source>Markera att personen har kommit</source>
        <translation>Mark that the person has arrived</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="106"/>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="388"/>
        <source>&amp;Uteblev</source>
        <translation>&amp;No-show</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="107"/>
        <source>Markera att personen inte kom; platsen blir ledig</source>
        <translation>Mark that the person did not come; the place becomes free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="108"/>
        <source>Än&amp;dra…</source>
        <translation>C&amp;hange…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="109"/>
        <source>Flytta eller ändra den valda bokningen</source>
        <translation>Move or change the selected booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="114"/>
        <source>&amp;Person:</source>
        <extracomment>&quot;Bara denna&quot; / &quot;Denna och kommande&quot; for a booking in a series (issue 16).</extracomment>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="116"/>
        <source>&amp;Kontorsplats…</source>
        <translation>&amp;Desk…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="119"/>
        <source>Konferens&amp;rummet…</source>
        <translation>Conference &amp;room…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="124"/>
        <source>&amp;Boka åt…</source>
        <translation>&amp;Book for…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="126"/>
        <source>Boka en plats eller konferensrummet åt den valda personen</source>
        <translation>Book a desk or the conference room for the chosen person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="127"/>
        <source>&amp;Skriv ut…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="133"/>
        <source>Spara som &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="137"/>
        <source>Skriv ut / Spara som P&amp;DF…</source>
        <translation>Print / Save as PD&amp;F…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="142"/>
        <source>Senaste händelse</source>
        <translation>Latest event</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="145"/>
        <source>Summering</source>
        <translation>Totals</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="202"/>
        <source>Dagsöversikt</source>
        <translation>Day overview</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="287"/>
        <source>Inga möten: kontoret är stängt den här dagen.</source>
        <translation>No meetings: the office is closed this day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="347"/>
        <source>{room} – ledigt: {free}</source>
        <translation>{room} – free: {free}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="370"/>
        <source>{name} är incheckad.</source>
        <translation>{name} is checked in.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="380"/>
        <source>Uteblev</source>
        <translation>No-show</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="382"/>
        <source>Markera att {name} inte kom till {place}? Platsen blir ledig för andra.</source>
        <translation>Mark that {name} did not come to {place}? The place becomes free for others.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="383"/>
        <source>personen</source>
        <translation>the person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="389"/>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="396"/>
        <source>{name} är markerad som utebliven.</source>
        <translation>{name} is marked as a no-show.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="499"/>
        <source>Dagsöversikten sparades som {file}.</source>
        <translation>The day overview was saved as {file}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="503"/>
        <source>Det gick inte</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="504"/>
        <source>Det gick inte att spara {file}. Välj en annan plats.</source>
        <translation>Could not save {file}. Choose another location.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="516"/>
        <source>Spara dagsöversikten som PDF</source>
        <translation>Save the day overview as PDF</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="519"/>
        <source>PDF-dokument (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DeskBookingDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="70"/>
        <source>Boka {desk}</source>
        <translation>Book {desk}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="79"/>
        <source>Utrustning: {items}</source>
        <translation>Equipment: {items}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="86"/>
        <source>Del av dagen</source>
        <translation>Part of the day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="90"/>
        <source>&amp;Heldag</source>
        <translation>&amp;Full day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="91"/>
        <source>&amp;Förmiddag</source>
        <translation>&amp;Morning</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="92"/>
        <source>&amp;Eftermiddag</source>
        <translation>&amp;Afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="104"/>
        <source>Platsen är fullbokad den här dagen.</source>
        <translation>The desk is fully booked on this day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="113"/>
        <source>Bokas åt:</source>
        <translation>Booked for:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="117"/>
        <source>B&amp;oka åt:</source>
        <translation>Boo&amp;k for:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="134"/>
        <source>&amp;Boka</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="134"/>
        <source>Boka</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="193"/>
        <source>{period} (upptagen)</source>
        <translation>{period} (taken)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/desk_booking_dialog.py" line="194"/>
        <source>{period} (upptagen – {who})</source>
        <translation>{period} (taken – {who})</translation>
    </message>
</context>
<context>
    <name>DeskDayModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="40"/>
        <source>FM upptagen</source>
        <extracomment>The tint of one&apos;s own half days, in the list and on the plan (with the words &quot;Min bokning&quot;). The desk&apos;s state in short words (&quot;Ledig&quot;, &quot;FM upptagen&quot;, ...), the same as on the plan. The desk&apos;s :class:`ResourceDay`.</extracomment>
        <translation>AM taken</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="42"/>
        <source>EM upptagen</source>
        <translation>PM taken</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="44"/>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="45"/>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="96"/>
        <source>Ledig</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="51"/>
        <source>Förmiddag upptagen, eftermiddag ledig</source>
        <translation>Taken in the morning, free in the afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="53"/>
        <source>Förmiddag ledig, eftermiddag upptagen</source>
        <translation>Free in the morning, taken in the afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="55"/>
        <source>Upptagen hela dagen</source>
        <translation>Taken all day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="56"/>
        <source>Ledig hela dagen</source>
        <translation>Free all day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="69"/>
        <source>{name} ({municipality})</source>
        <translation>{name} ({municipality})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="84"/>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="98"/>
        <source>Min bokning</source>
        <translation>My booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="86"/>
        <source>FM: min bokning</source>
        <translation>AM: my booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="88"/>
        <source>EM: min bokning</source>
        <translation>PM: my booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="100"/>
        <source>Upptagen – {who}</source>
        <translation>Taken – {who}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="147"/>
        <source>Plats</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="148"/>
        <source>Förmiddag</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="149"/>
        <source>Eftermiddag</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="150"/>
        <source>Utrustning</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="163"/>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="171"/>
        <location filename="../../satellitkontor/gui/models/desk_day_model.py" line="193"/>
        <source>Stängt</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="126"/>
        <source>Öppnar kontoret…</source>
        <extracomment>Set by the start-up benchmark: print timings and quit (gui/startup_probe.py). The smoke test&apos;s switch (gui/smoke.py, imported only when it is set). The first-start tour opens this long after the day&apos;s desks are shown (see _when_desks_shown), or at the latest this long after the office opened. The services a start view needs before it can show its data, made on the opening worker (with identity, which names the people to choose among) when the person starting is known. Every other service is made on a worker once the desks are shown (``_make_the_rest``): making all fifteen first was 200 ms of imports on the way to the day&apos;s desks (issue 18), and Boka plats&apos; opening reads through SQLAlchemy Core only (the identity and occupancy services, ``AppServices.retention_on_start``), so the ORM and the models, ~150 ms of imports and ~12 MiB, come after the desks (tests/gui/test_app.py). Not on the GUI thread a turn at a time: the models are one module, 65-100 ms in one turn. While they are made, a view chosen and not yet built (the administration, the day view) shows its empty page and is built once they are (``AppContext.services_pending``): built at once, its first use of a service imported the ORM and the models on the GUI thread (the start-up probe opens the administration right after the desks: a 20 ms timer 124 ms late), or, with the worker importing them meanwhile, the worker took the GIL from the view being built (53 ms instead of 35). A person not yet known (the identity dialog, the demo offer) and a start view not named here get every service before the view loads, as before. The person the database login is mapped to, and the login (PostgreSQL; else None). False: an empty database gets the demo office without a question (the smoke test). False: no first-start tour (the smoke test and the screenshots).</extracomment>
        <translation>Opening the office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="172"/>
        <source>Databas: {where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="264"/>
        <source>Skapa demokontor?</source>
        <translation>Create a demo office?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="266"/>
        <source>Databasen är tom. Vill du skapa ett demokontor med påhittade personer från de sju kommunerna och bokningar några veckor bakåt och framåt, så att du kan pröva programmet?</source>
        <translation>The database is empty. Do you want to create a demo office with made-up people from the seven municipalities and bookings a few weeks back and ahead, so that you can try the program?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="273"/>
        <source>Du kan ta bort demodatabasen senare. Ett riktigt kontor börjar tomt.</source>
        <translation>You can delete the demo database later. A real office starts empty.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="278"/>
        <source>Skapa demokontor</source>
        <translation>Create demo office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="281"/>
        <source>Börja tomt</source>
        <translation>Start empty</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="316"/>
        <source>Skapar demokontoret…</source>
        <translation>Creating the demo office…</translation>
    </message>
</context>
<context>
    <name>ErasePersonDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="30"/>
        <source>Radera personuppgifter</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="35"/>
        <source>Radera {name} &lt;{email}&gt;?</source>
        <translation>Erase {name} &lt;{email}&gt;?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="40"/>
        <source>Personen tas bort. Kommande bokningar avbokas. Namn, e-postadress och mötesrubriker tas bort ur alla personens bokningar och ur ändringsloggen. Bokningarna finns kvar utan namn, så statistiken ändras inte. Det går inte att ångra.</source>
        <translation>The person is removed. Coming bookings are cancelled. Name, e-mail address and meeting titles are removed from all of the person&apos;s bookings and from the audit trail. The bookings stay without a name, so the statistics do not change. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="49"/>
        <source>Skriv personens e-postadress för att bekräfta</source>
        <translation>Type the person&apos;s e-mail address to confirm</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="55"/>
        <source>Skriv personens &amp;e-postadress för att bekräfta:</source>
        <translation>Type the person&apos;s &amp;e-mail address to confirm:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="57"/>
        <source>&amp;Radera</source>
        <translation>&amp;Erase</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="58"/>
        <source>Radera personuppgifterna</source>
        <translation>Erase the personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/erase_person_dialog.py" line="61"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="30"/>
        <source>Något oväntat hände ({kind}). Ingenting sparades. Programmet fortsätter. Detaljer finns i loggfilen: {path}</source>
        <translation>Something unexpected happened ({kind}). Nothing was saved. The program carries on. Details are in the log file: {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="41"/>
        <source>Det gick inte</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="62"/>
        <source>Det gick inte att läsa</source>
        <translation>Could not read</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="63"/>
        <source>Filen {file} kunde inte läsas: {reason}</source>
        <translation>The file {file} could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="67"/>
        <location filename="../../satellitkontor/gui/errors.py" line="72"/>
        <source>Det gick inte att spara</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="68"/>
        <source>Kalenderfilen {file} kunde inte sparas: {reason}</source>
        <translation>The calendar file {file} could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="73"/>
        <source>Filen {file} kunde inte sparas: {reason}</source>
        <translation>The file {file} could not be saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/unexpected.py" line="35"/>
        <source>Något oväntat hände. Programmet fortsätter. Detaljer finns i loggfilen: {path}</source>
        <translation>Something unexpected happened. The program carries on. Details are in the log file: {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/unexpected.py" line="97"/>
        <source>Något oväntat hände</source>
        <extracomment>How many unexpected exceptions were seen (the smoke test fails on any).</extracomment>
        <translation>Something unexpected happened</translation>
    </message>
</context>
<context>
    <name>ExchangeBox</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="94"/>
        <source>Exchange / Outlook</source>
        <translation>Exchange / Outlook</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="96"/>
        <source>Synka bokningar med Exchange</source>
        <translation>Sync bookings with Exchange</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="100"/>
        <source>EWS (Exchange Server, Exchange Online)</source>
        <translation>EWS (Exchange Server, Exchange Online)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="101"/>
        <source>Microsoft Graph (Exchange Online)</source>
        <translation>Microsoft Graph (Exchange Online)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="103"/>
        <source>EWS-adress:</source>
        <translation>EWS address:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="105"/>
        <source>Tjänstekonto (postlåda):</source>
        <translation>Service account (mailbox):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="106"/>
        <source>Användarnamn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="107"/>
        <source>Lösenord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="107"/>
        <source>sparas bara i nyckelringen</source>
        <translation>kept in the keyring only</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="112"/>
        <source>Exchange-version:</source>
        <translation>Exchange version:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="113"/>
        <source>Koppling:</source>
        <translation>Connection:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="114"/>
        <source>Tenant-id (Graph):</source>
        <translation>Tenant ID (Graph):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="115"/>
        <source>Klient-id (Graph):</source>
        <translation>Client ID (Graph):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="118"/>
        <source>Brevlådor per rum och plats</source>
        <translation>Mailboxes per room and desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="120"/>
        <source>Brevlådor (Plats=postlåda):</source>
        <translation>Mailboxes (Place=mailbox):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="122"/>
        <source>Bjud in platsens brevlåda</source>
        <translation>Invite the desk&apos;s mailbox</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="123"/>
        <source>Bara händelse i bokarens kalender</source>
        <translation>Only an event in the booker&apos;s calendar</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="124"/>
        <source>Kontorsplatser:</source>
        <translation>Desks:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="125"/>
        <source>Okänd organisatör bokas på:</source>
        <translation>Unknown organizers are booked as:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="128"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="129"/>
        <source>Synka var:</source>
        <translation>Sync every:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="134"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="135"/>
        <source>Testa anslutningen</source>
        <translation>Test the connection</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="136"/>
        <source>Synka nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="138"/>
        <source>Ta bort meddelandena om postlådor kontot inte når</source>
        <translation>Remove the notices of mailboxes the account cannot reach</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="173"/>
        <source>Senast lyckade synk: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="176"/>
        <source>Inte i Outlook än: %1 ändringar (äldsta sedan %2)</source>
        <translation>Not in Outlook yet: %1 changes (oldest since %2)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="183"/>
        <source>Synkningen är avstängd: bokningarna skickas inte till Outlook. Kryssa i ”Synka bokningar med Exchange” och spara för att slå på den.</source>
        <translation>Sync is off: bookings are not sent to Outlook. Tick “Sync bookings with Exchange” and save to turn it on.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="188"/>
        <source>Inget väntar: allt finns i Outlook.</source>
        <translation>Nothing pending: everything is in Outlook.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="190"/>
        <source>Senaste fel: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="194"/>
        <source>Rummet har tackat nej till %1 bokningar.</source>
        <translation>The room declined %1 bookings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="198"/>
        <source>%1 ändringar har körts över de senaste två veckorna (se ändringsloggen).</source>
        <translation>%1 changes were overridden in the last two weeks (see the change log).</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="204"/>
        <source>Gick inte att skicka till Outlook (uppgivet): %1</source>
        <translation>Could not be sent to Outlook (given up): %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="211"/>
        <source>Krockar med Outlook där appens bokning gällde: %1</source>
        <translation>Clashes with Outlook where the app&apos;s booking stood: %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="218"/>
        <source>Postlådor kontot inte når (mötena skickas från kontorets postlåda): %1</source>
        <translation>Mailboxes the account cannot reach (their meetings go out from the office&apos;s mailbox): %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="226"/>
        <source>Möten i Outlook som inte kunde tas in: %1</source>
        <translation>Outlook meetings that could not be taken in: %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="258"/>
        <source>Inställningarna sparades.</source>
        <translation>The settings were saved.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="264"/>
        <source>Tjänstekonto (postlåda)</source>
        <translation>Service account (mailbox)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="266"/>
        <source>Tenant-id</source>
        <translation>Tenant ID</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="266"/>
        <source>Klient-id</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="268"/>
        <source>Användarnamn</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="275"/>
        <source>Fyll i {fields} och tryck Testa anslutningen igen.</source>
        <translation>Fill in {fields} and press Test the connection again.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="285"/>
        <source>Testar anslutningen …</source>
        <translation>Testing the connection …</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="283"/>
        <source>Anslutningen fungerar.</source>
        <translation>The connection works.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="310"/>
        <source>Synkar …</source>
        <translation>Syncing …</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="307"/>
        <source>Synkningen är klar.</source>
        <translation>The sync is done.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/exchange_box.py" line="322"/>
        <source>Det gick inte att nå Exchange ({detail}). Kontrollera serverns adress, kontot och lösenordet och försök igen; detaljerna finns i loggfilen (Hjälp → Om Satellitkontoret).</source>
        <translation>Exchange could not be reached ({detail}). Check the server&apos;s address, the account and the password and try again; the details are in the log file (Help → About Satellitkontoret).</translation>
    </message>
</context>
<context>
    <name>FairRulesLabel</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="35"/>
        <source>Kontorets regler för rättvis fördelning</source>
        <extracomment>The rules for the current person and day are on screen.</extracomment>
        <translation>The office&apos;s rules for fair sharing</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="70"/>
        <source>Gränsen är nådd; det går att boka igen från {day}.</source>
        <translation>The limit is reached; booking opens again from {day}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="74"/>
        <source>Bara en halv dag kvar.</source>
        <translation>Only half a day left.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="83"/>
        <source>du</source>
        <translation>you</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="87"/>
        <source>Regel: högst {limit} platsdagar per person och vecka – {who} har {used} vecka {week}.</source>
        <translation>Rule: at most {limit} desk-days per person a week – {who}: {used} in week {week}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="101"/>
        <source>Regel: högst {limit} platsdagar per person och månad – {who} har {used} i {month}.</source>
        <translation>Rule: at most {limit} desk-days per person a month – {who}: {used} in {month}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="110"/>
        <source>Regel: en återkommande bokning får vara högst {weeks} veckor – från den här dagen till och med {last}.</source>
        <translation>Rule: a repeated booking may run at most {weeks} weeks – from this day up to and including {last}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/fair_rules_label.py" line="115"/>
        <source>Regel: en plats åt någon annan kan bokas tidigast {days} dagar före – för den här dagen från {day}.</source>
        <translation>Rule: a desk for someone else can be booked at the earliest {days} days before – for this day from {day}.</translation>
    </message>
</context>
<context>
    <name>FeedUrlDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="38"/>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="39"/>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="47"/>
        <source>Flödets adress</source>
        <translation>The feed&apos;s address</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="43"/>
        <source>Flödet «{name}» är publicerat</source>
        <translation>The feed «{name}» is published</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="50"/>
        <source>&amp;Kopiera</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="52"/>
        <source>Kopiera adressen</source>
        <translation>Copy the address</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="63"/>
        <source>Adressen visas bara nu. Den som har adressen kan se flödet. Återkalla den om den sprids.</source>
        <translation>The address is shown only now. Whoever has the address can see the feed. Revoke it if it spreads.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="71"/>
        <source>I Outlook: Lägg till kalender → Från Internet, och klistra in adressen. Andra kalenderprogram kallar det att prenumerera på en kalender.</source>
        <translation>In Outlook: Add calendar → From Internet, and paste the address. Other calendar programs call it subscribing to a calendar.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="86"/>
        <source>Adressen pekar på den här datorn ({host}) och fungerar bara här. Ange flödesserverns adress i nätverket under Flödesserverns adress, publicera igen och återkalla det här flödet.</source>
        <translation>The address points to this computer ({host}) and works only here. Enter the feed server&apos;s address on the network under Feed server address, publish again and revoke this feed.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="95"/>
        <source>&amp;Stäng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="96"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_url_dialog.py" line="108"/>
        <source>Adressen är kopierad. Klistra in den där den ska användas.</source>
        <translation>The address is copied. Paste it where it is to be used.</translation>
    </message>
</context>
<context>
    <name>FeedsBox</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="99"/>
        <source>Kalenderflöden (iCal)</source>
        <extracomment>Where subscribers reach ``satellitkontor serve-feeds`` unless an admin says otherwise (as the command line&apos;s ``feeds publish --base-url``: $SATELLITKONTOR_FEEDS_URL, else this). The widest the &quot;Publicerat&quot; column starts (pixels). Fresh data is on screen. A feed was published; its address is shown (the URL dialog is ``url_dialog``). A feed was saved as a file: its path and the number of events. Tests set this false: Qt&apos;s own file dialog, which they can fill in.</extracomment>
        <translation>Calendar feeds (iCal)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="112"/>
        <source>Publicera kontorets kalendrar som adresser som Outlook, telefoner och andra kalenderprogram kan prenumerera på. Flödena lämnas ut av flödesservern (satellitkontor serve-feeds).</source>
        <translation>Publish the office&apos;s calendars as addresses that Outlook, phones and other calendar programs can subscribe to. The feeds are served by the feed server (satellitkontor serve-feeds).</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="118"/>
        <source>Publicerade kalenderflöden</source>
        <translation>Published calendar feeds</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="131"/>
        <source>&amp;Publicerade kalenderflöden</source>
        <translation>&amp;Published calendar feeds</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="135"/>
        <source>Inga kalenderflöden är publicerade. Publicera ett med Publicera nytt flöde…, så kan andra prenumerera på kontorets bokningar i Outlook.</source>
        <translation>No calendar feeds are published. Publish one with Publish new feed…, so that others can subscribe to the office&apos;s bookings in Outlook.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="142"/>
        <source>Publicera &amp;nytt flöde…</source>
        <translation>Publish &amp;new feed…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="143"/>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="326"/>
        <source>Åt&amp;erkalla</source>
        <translation>R&amp;evoke</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="144"/>
        <source>Återkalla det valda flödet</source>
        <translation>Revoke the chosen feed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="145"/>
        <source>&amp;Spara flöde som fil…</source>
        <translation>&amp;Save feed as file…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="147"/>
        <source>Visa åter&amp;kallade</source>
        <translation>Show revo&amp;ked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="149"/>
        <source>Visa återkallade flöden</source>
        <translation>Show revoked feeds</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="160"/>
        <source>Flödesserverns adress</source>
        <translation>Feed server address</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="164"/>
        <source>Adressen som prenumeranterna når flödesservern på, till exempel http://kontorsserver:8765.</source>
        <translation>The address at which subscribers reach the feed server, for example http://kontorsserver:8765.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="172"/>
        <source>Flödesserverns &amp;adress:</source>
        <translation>Feed server &amp;address:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="179"/>
        <source>Senaste händelse</source>
        <translation>Latest event</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="225"/>
        <source>Skriv adressen med http:// eller https:// först, till exempel http://kontorsserver:8765.</source>
        <translation>Write the address with http:// or https:// first, for example http://kontorsserver:8765.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="303"/>
        <source>Flödet «{name}» är publicerat.</source>
        <translation>The feed «{name}» is published.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="319"/>
        <source>Återkalla flödet</source>
        <translation>Revoke the feed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="322"/>
        <source>Återkalla flödet «{name}» (adressen börjar {hint}…)? Adressen slutar fungera för alla som prenumererar på den. Det går inte att ångra; du kan publicera ett nytt flöde.</source>
        <translation>Revoke the feed «{name}» (the address starts {hint}…)? The address stops working for everyone who subscribes to it. This cannot be undone; you can publish a new feed.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="326"/>
        <source>&amp;Behåll</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="344"/>
        <source>Flödet «{name}» är återkallat.</source>
        <translation>The feed «{name}» is revoked.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="362"/>
        <source>Spara kalenderflödet</source>
        <translation>Save the calendar feed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="365"/>
        <source>Kalenderfiler (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="385"/>
        <source>Sparade 1 händelse i {file}.</source>
        <translation>Saved 1 event in {file}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="387"/>
        <source>Sparade {n} händelser i {file}.</source>
        <translation>Saved {n} events in {file}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/feeds_box.py" line="398"/>
        <source>Sparar kalenderflödet…</source>
        <translation>Saving the calendar feed…</translation>
    </message>
</context>
<context>
    <name>FloorPlan</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/floor_plan.py" line="92"/>
        <location filename="../../satellitkontor/gui/widgets/floor_plan.py" line="116"/>
        <source>Stängt</source>
        <extracomment>Who looks at the plan: their own half days read &quot;Min bokning&quot; and are drawn blue.</extracomment>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/floor_plan.py" line="121"/>
        <source>Förmiddag: {who}</source>
        <translation>Morning: {who}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/floor_plan.py" line="122"/>
        <source>Eftermiddag: {who}</source>
        <translation>Afternoon: {who}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/floor_plan.py" line="126"/>
        <source>min bokning</source>
        <translation>my booking</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/form_dialog.py" line="188"/>
        <source>Ingen kontakt med databasen just nu. Det du har fyllt i finns kvar; du kan spara när kontakten är tillbaka.</source>
        <extracomment>Inline errors: the palette&apos;s error red (dark red, light red in the dark palette) and bold (the text says what is wrong; the colour only underlines it). What Enter presses (see showEvent): the dialog&apos;s button, or None where Enter must not act (erasing a person, importing a calendar: a click does it).</extracomment>
        <translation>No contact with the database right now. What you have entered is kept; you can save when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/form_dialog.py" line="193"/>
        <source>Det gick inte att spara: programmet har ingen kontakt med databasen. Det du har fyllt i finns kvar. Försök igen när kontakten är tillbaka.</source>
        <translation>Could not save: the program has no contact with the database. What you have entered is kept. Try again when the connection is back.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/form_dialog.py" line="198"/>
        <source>Kontakten med databasen är tillbaka. Det du har fyllt i är inte sparat än: försök igen.</source>
        <translation>The connection to the database is back. What you have entered is not saved yet: please try again.</translation>
    </message>
</context>
<context>
    <name>GuestFields</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="24"/>
        <source>Boka åt en e&amp;xtern gäst (värden nedan svarar för gästen)</source>
        <translation>Book for an e&amp;xternal guest (the host below answers for the guest)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="26"/>
        <source>Boka åt en extern gäst</source>
        <translation>Book for an external guest</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="29"/>
        <source>Gästens namn</source>
        <translation>The guest&apos;s name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="32"/>
        <source>Gästens organisation</source>
        <translation>The guest&apos;s organisation</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="35"/>
        <source>Gästens e-postadress (frivillig)</source>
        <translation>The guest&apos;s e-mail address (optional)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="36"/>
        <source>frivillig, t.ex. kim.berg@regionvasterbotten.se</source>
        <translation>optional, e.g. kim.berg@regionvasterbotten.se</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="45"/>
        <source>Gästens &amp;namn:</source>
        <translation>Guest&apos;s &amp;name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="46"/>
        <source>Gästens or&amp;ganisation:</source>
        <translation>Guest&apos;s or&amp;ganisation:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/guest_fields.py" line="47"/>
        <source>Gästens e-post:</source>
        <translation>Guest&apos;s e-mail:</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/help_dialog.py" line="41"/>
        <location filename="../../satellitkontor/gui/dialogs/help_dialog.py" line="56"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/help_dialog.py" line="56"/>
        <source>Hjälp</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="32"/>
        <source>Vem är du?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="38"/>
        <source>Satellitkontoret behöver veta vem som bokar. Välj dig själv i listan, eller fyll i dina uppgifter om du är ny här.</source>
        <translation>The satellite office needs to know who is booking. Pick yourself in the list, or fill in your details if you are new here.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="45"/>
        <source>&amp;Jag finns i listan</source>
        <translation>&amp;I am in the list</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="46"/>
        <source>Jag är &amp;ny här</source>
        <translation>I am &amp;new here</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="49"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="60"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="63"/>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="65"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="68"/>
        <source>Jag är</source>
        <translation>I am</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="76"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="77"/>
        <source>&amp;E-post:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="78"/>
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="79"/>
        <source>Jag är &amp;en:</source>
        <translation>I am &amp;a:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="87"/>
        <source>Fortsätt</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="76"/>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="77"/>
        <source>Importera kalenderfil</source>
        <extracomment>Changes of the choices within this many ms are planned together. What the reader noticed about the file, shown at most this many (then &quot;… och N till&quot;). The title column&apos;s width at first (pixels); the status takes the rest.</extracomment>
        <translation>Import calendar file</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="80"/>
        <source>Importera «{file}»</source>
        <translation>Import «{file}»</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="83"/>
        <source>Filen har 1 händelse.</source>
        <translation>The file has 1 event.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="85"/>
        <source>Filen har {n} händelser.</source>
        <translation>The file has {n} events.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="90"/>
        <source>… och {n} till.</source>
        <translation>… and {n} more.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="103"/>
        <source>Vad som händer vid importen</source>
        <translation>What the import does</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="117"/>
        <source>Vald rad</source>
        <translation>Chosen row</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="122"/>
        <source>Vad som händer (ingenting sparas förrän du väljer Importera):</source>
        <translation>What happens (nothing is saved until you choose Import):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="137"/>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="324"/>
        <source>&amp;Importera</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="138"/>
        <source>Importera</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="141"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="166"/>
        <source>Var ska händelserna bokas?</source>
        <translation>Where are the events to be booked?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="170"/>
        <source>Välj för varje plats i filen vilken kontorsplats eller vilket rum händelserna bokas på. Hoppa över lämnar dem utanför importen.</source>
        <translation>For each place in the file, choose the desk or room its events are booked on. Skip leaves them out of the import.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="178"/>
        <source>Platser i filen</source>
        <translation>Places in the file</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="180"/>
        <source>I filen</source>
        <translation>In the file</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="180"/>
        <source>Hittat i</source>
        <translation>Found in</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="180"/>
        <source>Händelser</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="180"/>
        <source>Bokas på</source>
        <translation>Booked on</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="203"/>
        <source>Okända personers händelser bokas åt</source>
        <translation>Events of unknown people are booked for</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="204"/>
        <source>Ingen – deras händelser avvisas</source>
        <translation>Nobody – their events are rejected</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="207"/>
        <source>{name} ({email})</source>
        <translation>{name} ({email})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="212"/>
        <source>Okända &amp;personer bokas åt:</source>
        <translation>Unknown &amp;people booked for:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="222"/>
        <source>(ingen plats eller rubrik)</source>
        <translation>(no place or title)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="226"/>
        <source>Plats</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="228"/>
        <source>Inbjudet rum</source>
        <translation>Invited room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="229"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="234"/>
        <source>Bokas på, för «{place}»</source>
        <translation>Booked on, for «{place}»</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="236"/>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="246"/>
        <source>Som föreslaget per händelse</source>
        <translation>As suggested per event</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="237"/>
        <source>Hoppa över</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="240"/>
        <source>Valfri ledig kontorsplats</source>
        <translation>Any free desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="312"/>
        <source>Välj en rad för att se hela texten.</source>
        <translation>Choose a row to see the whole text.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="315"/>
        <source>«{title}», {day}: {status}</source>
        <translation>«{title}», {day}: {status}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="323"/>
        <source>Räknar ut vad som skulle hända…</source>
        <translation>Working out what would happen…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="331"/>
        <source>Skapas: {create}    Dubbletter: {duplicate}    Avvisas: {reject}    Hoppas över: {skip}</source>
        <translation>Created: {create}    Duplicates: {duplicate}    Rejected: {reject}    Skipped: {skip}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="336"/>
        <source>&amp;Importera 1 bokning</source>
        <translation>&amp;Import 1 booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="336"/>
        <source>&amp;Importera {n} bokningar</source>
        <translation>&amp;Import {n} bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/import_dialog.py" line="376"/>
        <source>Importerar…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>ImportPlanModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="91"/>
        <source>Skapas ({note})</source>
        <extracomment>The PlanRow of a row (any column). A row&apos;s outcome beside the service&apos;s three: the admin chose &quot;Hoppa över&quot; for its place. &quot;förmiddag&quot;, &quot;heldag&quot; or &quot;10:00–11:00&quot;, already in the model&apos;s language. CREATE, DUPLICATE, REJECT or SKIP. Why (a duplicate or a rejection), or what to know (a created booking&apos;s note); &quot;&quot; if none.</extracomment>
        <translation>Created ({note})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="92"/>
        <source>Skapas</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="95"/>
        <source>Dubblett: {reason}</source>
        <translation>Duplicate: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="95"/>
        <source>Dubblett</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="98"/>
        <source>Avvisas: {reason}</source>
        <translation>Rejected: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="99"/>
        <source>Hoppas över</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="104"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="105"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="106"/>
        <source>Plats/rum</source>
        <translation>Desk/room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="107"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="108"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/import_plan_model.py" line="109"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>IntegrationsPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/integrations_page.py" line="112"/>
        <source>Kalendrar</source>
        <translation>Calendars</translation>
    </message>
</context>
<context>
    <name>MailBox</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="61"/>
        <source>E-post till de som bokar</source>
        <translation>E-mail to the bookers</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="63"/>
        <source>Skicka meddelanden om bokningar per e-post</source>
        <translation>Send messages about bookings by e-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="66"/>
        <source>Avsändaradress:</source>
        <translation>Sender address:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="69"/>
        <source>Avsändarnamn:</source>
        <translation>Sender name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="71"/>
        <source>SMTP-server</source>
        <translation>SMTP server</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="72"/>
        <source>Kontorets Exchange-koppling</source>
        <translation>The office&apos;s Exchange connection</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="73"/>
        <source>Skicka via:</source>
        <translation>Send via:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="74"/>
        <source>SMTP-server:</source>
        <translation>SMTP server:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="77"/>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="79"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (port 587)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="80"/>
        <source>TLS direkt (port 465)</source>
        <translation>TLS directly (port 465)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="81"/>
        <source>Ingen kryptering (bara inom nätet)</source>
        <translation>No encryption (inside the network only)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="82"/>
        <source>Kryptering:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="83"/>
        <source>Användarnamn:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="84"/>
        <source>Lösenord:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="84"/>
        <source>sparas bara i nyckelringen</source>
        <translation>kept in the keyring only</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="88"/>
        <source>Bekräftelse när man själv bokar</source>
        <translation>Confirmation when booking oneself</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="89"/>
        <source>Meddelande när någon annan bokar, ändrar eller avbokar</source>
        <translation>Message when someone else books, changes or cancels</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="90"/>
        <source>Påminnelse dagen innan</source>
        <translation>Reminder the day before</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="91"/>
        <source>Meddelande när en plats blir ledig</source>
        <translation>Message when a place becomes free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="96"/>
        <source>Förval:</source>
        <translation>Defaults:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="99"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="100"/>
        <source>Skicka nu</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="132"/>
        <source>E-post är avstängt: inga meddelanden skickas.</source>
        <translation>E-mail is off: no messages are sent.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="135"/>
        <source>Väntar på att skickas: %1 (nästa försök %2)</source>
        <translation>Waiting to be sent: %1 (next attempt %2)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="140"/>
        <source>Inget väntar: allt är skickat.</source>
        <translation>Nothing is waiting: everything has been sent.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="142"/>
        <source>Skickade: %1, senast %2</source>
        <translation>Sent: %1, last %2</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="148"/>
        <source>Oklart om de kom fram (skickas inte igen av sig själva): %1</source>
        <translation>Unclear whether they arrived (not sent again by themselves): %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="153"/>
        <source>Gick inte att skicka (uppgivet): %1</source>
        <translation>Could not be sent (given up): %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="155"/>
        <source>Senaste fel: %1</source>
        <translation>Last error: %1</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="207"/>
        <source>Inställningarna sparades.</source>
        <translation>The settings were saved.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="219"/>
        <source>Skickar …</source>
        <translation>Sending …</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/mail_box.py" line="216"/>
        <source>Klart.</source>
        <translation>Done.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="71"/>
        <source>Boka plats</source>
        <translation>Book a desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="72"/>
        <source>Konferensrum</source>
        <translation>Conference room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="74"/>
        <source>Mina bokningar</source>
        <translation>My bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="76"/>
        <source>Dagsöversikt</source>
        <translation>Day overview</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="78"/>
        <source>Värdkommun</source>
        <translation>Host municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="80"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="128"/>
        <source>Satellitkontoret – Umeåregionen</source>
        <extracomment>Room a window&apos;s frame takes beyond its contents: the title bar (about 31 px on Windows 11 at 100 %) and the borders, so the whole window fits the screen above the task bar. The user chose another language: the app rebuilds the window in it. &quot;Byt användare…&quot; and &quot;Skapa demokontor…&quot; from the menu; the app handles them. A view was built (its key): the start-up probe waits for the start view&apos;s data on it. While True, showing a view that is not built yet shows its empty page (see the docstring).</extracomment>
        <translation>Satellite office – Umeåregionen</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="135"/>
        <source>Vyer</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="195"/>
        <source>&amp;Arkiv</source>
        <extracomment>The views built so far (see view()); the stack holds an empty page for the others. The view asked for but not (yet) allowed, e.g. the remembered Dagsöversikt before the receptionist is known: shown once it is, and kept as the last view meanwhile.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="197"/>
        <source>&amp;Byt användare…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="200"/>
        <source>Skapa &amp;demokontor…</source>
        <translation>Create &amp;demo office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="212"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="216"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="223"/>
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="227"/>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="237"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="238"/>
        <source>&amp;Hjälp för den här vyn</source>
        <translation>&amp;Help for this view</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="242"/>
        <source>&amp;Kortkommandon</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="245"/>
        <source>Visa &amp;introduktionen</source>
        <translation>Show the &amp;introduction</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="249"/>
        <source>&amp;Om Satellitkontoret</source>
        <translation>&amp;About Satellitkontoret</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="328"/>
        <source>Laddar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="436"/>
        <source>Du är inloggad i databasen som {login}</source>
        <translation>You are signed in to the database as {login}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="438"/>
        <source>Välj vem som använder programmet</source>
        <translation>Choose who is using the program</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="445"/>
        <source>Ingen vald användare</source>
        <translation>No user chosen</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="448"/>
        <source>{name}, {municipality} ({role})</source>
        <translation>{name}, {municipality} ({role})</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="30"/>
        <source>Nytt möte</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="36"/>
        <source>Typ av möte</source>
        <translation>Kind of meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="38"/>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="42"/>
        <source>Umeåregionrådet</source>
        <translation>Umeå Region Council</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="39"/>
        <source>Överlämning värdkommun</source>
        <translation>Host municipality handover</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="43"/>
        <source>Överlämning (december)</source>
        <translation>Handover (December)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="44"/>
        <source>Övrigt möte</source>
        <translation>Other meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="47"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="48"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="51"/>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="55"/>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="59"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="60"/>
        <source>t.ex. Satellitkontoret, Renmarkstorget 5D</source>
        <translation>e.g. the satellite office, Renmarkstorget 5D</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="63"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="66"/>
        <source>&amp;Typ:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="67"/>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="68"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="69"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="70"/>
        <source>T&amp;ill:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="71"/>
        <source>&amp;Plats:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="72"/>
        <source>&amp;Anteckning:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="77"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="77"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="89"/>
        <source>Skriv en rubrik för mötet.</source>
        <translation>Write a title for the meeting.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/meeting_dialog.py" line="96"/>
        <source>Mötet måste sluta efter att det börjar.</source>
        <translation>The meeting must end after it starts.</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="32"/>
        <source>Umeåregionrådet</source>
        <extracomment>The row&apos;s MeetingView, for views and tests.</extracomment>
        <translation>Umeå Region Council</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="33"/>
        <source>Överlämning</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="34"/>
        <source>Övrigt</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="40"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="40"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="40"/>
        <source>Möte</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="40"/>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/meetings_model.py" line="40"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>MyBookingsModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="72"/>
        <source>Datum</source>
        <extracomment>The BookingView of a row (any column). What the series column shows for a booking in a series (with a tooltip saying so in words).</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="73"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="74"/>
        <source>Plats/rum</source>
        <translation>Desk/room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="75"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="76"/>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="77"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="78"/>
        <source>Serie</source>
        <translation>Series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="92"/>
        <source>Ingår i en serie</source>
        <translation>Part of a series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="92"/>
        <source>Enstaka bokning</source>
        <translation>Single booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="98"/>
        <source>Ändringen är inte skriven till Outlook än. Den skickas vid nästa synkronisering.</source>
        <translation>The change is not in Outlook yet. It is sent at the next sync.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="115"/>
        <source>Gäst: {guest}, {org}</source>
        <translation>Guest: {guest}, {org}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="125"/>
        <source> – krock med Outlook</source>
        <translation> – clash with Outlook</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/my_bookings_model.py" line="126"/>
        <source> – inte i Outlook än</source>
        <translation> – not in Outlook yet</translation>
    </message>
</context>
<context>
    <name>MyBookingsView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="84"/>
        <source>Kommande eller tidigare bokningar</source>
        <extracomment>Fresh bookings are on screen. An .ics file was written: its path and how many bookings it holds. The optional reason in the question of a single cancel (issue 16). &quot;Bara denna&quot; / &quot;Denna och kommande&quot; for a booking in a series (issue 16).</extracomment>
        <translation>Coming or past bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="85"/>
        <source>&amp;Kommande</source>
        <translation>&amp;Coming</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="86"/>
        <source>&amp;Tidigare</source>
        <translation>&amp;Past</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="91"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="184"/>
        <source>Mina bokningar</source>
        <translation>My bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="99"/>
        <source>&amp;Gå till Boka plats</source>
        <translation>&amp;Go to Book a desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="106"/>
        <source>Senaste händelse</source>
        <translation>Latest event</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="109"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="188"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="396"/>
        <source>Av&amp;boka</source>
        <translation>Can&amp;cel booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="111"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="193"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="408"/>
        <source>Avboka s&amp;erien</source>
        <translation>Cancel the s&amp;eries</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="114"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="198"/>
        <source>E&amp;xportera till kalender (.ics)…</source>
        <translation>E&amp;xport to calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="116"/>
        <source>Mina &amp;uppgifter…</source>
        <translation>My &amp;data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="118"/>
        <source>Mina uppgifter</source>
        <translation>My data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="119"/>
        <source>Spara allt som finns sparat om dig (JSON och CSV)</source>
        <translation>Save everything stored about you (JSON and CSV)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="122"/>
        <source>Aviseri&amp;ngar…</source>
        <translation>&amp;Notifications…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="124"/>
        <source>Aviseringar</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="125"/>
        <source>Välj vilka meddelanden om dina bokningar du får per e-post</source>
        <translation>Choose which messages about your bookings you get by e-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="128"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="201"/>
        <source>Än&amp;dra…</source>
        <translation>C&amp;hange…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="129"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="204"/>
        <source>Checka &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="132"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="207"/>
        <source>Avboka &amp;flera dagar…</source>
        <translation>Cancel &amp;several days…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="269"/>
        <source>Du har inga kommande bokningar. Boka en plats under Boka plats.</source>
        <translation>You have no upcoming bookings. Book one under Book a desk.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="271"/>
        <source>Du har inga tidigare bokningar.</source>
        <translation>You have no past bookings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="311"/>
        <source>{place}, {day}, {time}</source>
        <translation>{place}, {day}, {time}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="335"/>
        <source>Serien på {place} ändrades från och med {day}: 1 bokning.</source>
        <translation>The series at {place} was changed from {day} on: 1 booking.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="337"/>
        <source>Serien på {place} ändrades från och med {day}: {n} bokningar.</source>
        <translation>The series at {place} was changed from {day} on: {n} bookings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="349"/>
        <source>Ändrat: {booking}.</source>
        <translation>Changed: {booking}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="362"/>
        <source>Incheckad: {booking}.</source>
        <translation>Checked in: {booking}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="393"/>
        <source>Vill du avboka {booking}?</source>
        <translation>Do you want to cancel {booking}?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="406"/>
        <source>Vill du avboka serien på {place} från och med {day}? Tidigare bokningar i serien finns kvar.</source>
        <translation>Do you want to cancel the series at {place} from {day} on? Earlier bookings in the series are kept.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="418"/>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="420"/>
        <source>Avboka</source>
        <translation>Cancel booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="421"/>
        <source>&amp;Behåll bokningen</source>
        <translation>&amp;Keep the booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="435"/>
        <source>&amp;Anledning (frivillig):</source>
        <translation>&amp;Reason (optional):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="435"/>
        <source>t.ex. Sjuk</source>
        <translation>e.g. Ill</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="445"/>
        <source>Avbokat: {booking}.</source>
        <translation>Cancelled: {booking}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="463"/>
        <source>1 bokning i serien på {place} avbokades från och med {day}.</source>
        <translation>1 booking in the series at {place} was cancelled from {day} on.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="465"/>
        <source>{n} bokningar i serien på {place} avbokades från och med {day}.</source>
        <translation>{n} bookings in the series at {place} were cancelled from {day} on.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="502"/>
        <source>Dina val av aviseringar sparades.</source>
        <translation>Your choice of notifications was saved.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="512"/>
        <source>Exportera till kalender</source>
        <translation>Export to calendar</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="513"/>
        <source>mina-bokningar.ics</source>
        <translation>my-bookings.ics</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="514"/>
        <source>Kalenderfiler (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="534"/>
        <source>1 bokning sparades i {file}.</source>
        <translation>1 booking was saved in {file}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="536"/>
        <source>{n} bokningar sparades i {file}.</source>
        <translation>{n} bookings were saved in {file}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="547"/>
        <source>Exporterar…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>MyDataDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="45"/>
        <source>Mina uppgifter</source>
        <translation>My data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="49"/>
        <source>Allt som sparas om dig</source>
        <translation>Everything stored about you</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="52"/>
        <source>Sparar din profil, alla dina bokningar (även avbokade), dina återkommande bokningar, ändringsloggens poster om dig eller gjorda av dig och kalenderflöden som gäller dig. Det blir en JSON-fil med allt och en CSV-fil per lista, som går att öppna i Excel, i en ny mapp i den mapp du väljer.</source>
        <translation>Saves your profile, all your bookings (cancelled ones too), your recurring bookings, the audit entries about you or made by you, and calendar feeds about you. You get a JSON file with all of it and a CSV file per list, which opens in Excel, in a new folder inside the folder you choose.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="59"/>
        <source>&amp;Välj mapp och spara…</source>
        <translation>&amp;Choose a folder and save…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="61"/>
        <source>Välj mapp och spara mina uppgifter</source>
        <translation>Choose a folder and save my data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="69"/>
        <source>Öppna &amp;mappen</source>
        <translation>Open the &amp;folder</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="71"/>
        <source>Öppna mappen med mina uppgifter</source>
        <translation>Open the folder with my data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="74"/>
        <source>Om &amp;behandlingen av personuppgifter…</source>
        <translation>About the &amp;processing of personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="76"/>
        <source>Om behandlingen av personuppgifter</source>
        <translation>About the processing of personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="94"/>
        <source>Välj mapp för dina uppgifter</source>
        <translation>Choose a folder for your data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="110"/>
        <source>Sparar dina uppgifter…</source>
        <translation>Saving your data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="117"/>
        <source>Sparat i {folder}: {files} filer, {bookings} bokningar.</source>
        <translation>Saved in {folder}: {files} files, {bookings} bookings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/my_data_dialog.py" line="127"/>
        <source>Det gick inte att spara: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>NoticePrefsDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="41"/>
        <source>Aviseringar</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="44"/>
        <source>Meddelanden om dina bokningar</source>
        <translation>Messages about your bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="47"/>
        <source>Kontoret kan skicka e-post med en kalenderinbjudan när en bokning görs, ändras eller avbokas. Välj vilka meddelanden du vill få.</source>
        <translation>The office can send e-mail with a calendar invitation when a booking is made, changed or cancelled. Choose which messages you want.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="53"/>
        <source>När jag själv bokar, ändrar eller avbokar:</source>
        <translation>When I book, change or cancel myself:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="54"/>
        <source>När någon annan bokar, ändrar eller avbokar åt mig:</source>
        <translation>When someone else books, changes or cancels for me:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="55"/>
        <source>Påminnelse dagen innan:</source>
        <translation>Reminder the day before:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="56"/>
        <source>När en plats jag väntar på blir ledig:</source>
        <translation>When a place I am waiting for becomes free:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="63"/>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="71"/>
        <source>Som kontoret</source>
        <translation>As the office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="64"/>
        <source>På</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="65"/>
        <source>Av</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="74"/>
        <source>Språk i meddelandena</source>
        <translation>Language of the messages</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="75"/>
        <source>Språk i meddelandena:</source>
        <translation>Language of the messages:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="105"/>
        <source>på</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="105"/>
        <source>av</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/notice_prefs_dialog.py" line="108"/>
        <source>Med kontorets val räknat får du nu: själv %1, av andra %2, påminnelse %3, ledig plats %4.</source>
        <translation>With the office&apos;s choices counted you now get: own %1, by others %2, reminder %3, free place %4.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="32"/>
        <source>Ingen kontakt med databasen</source>
        <translation>No contact with the database</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="33"/>
        <source>⚠ Ingen kontakt med databasen</source>
        <translation>⚠ No contact with the database</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="39"/>
        <source>&amp;Försök nu</source>
        <translation>&amp;Try now</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="41"/>
        <source>Försök ansluta nu</source>
        <translation>Try to connect now</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="80"/>
        <source>Programmet når inte databasen ({where}).</source>
        <translation>The program cannot reach the database ({where}).</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="82"/>
        <source>Programmet når inte databasen.</source>
        <translation>The program cannot reach the database.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/offline_banner.py" line="88"/>
        <source>Du ser läget från kl. {time} och kan inte boka, avboka eller ändra något just nu. Programmet försöker ansluta igen av sig självt …</source>
        <translation>You are seeing the situation as of {time} and cannot book, cancel or change anything right now. The program keeps trying to reconnect by itself …</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../satellitkontor/gui/operations.py" line="233"/>
        <source>Avbryt</source>
        <extracomment>The GIL&apos;s switch interval while the app runs background work (see the module docstring).</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="49"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="50"/>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="51"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="52"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="53"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="54"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="79"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/people_model.py" line="79"/>
        <source>Nej (inaktiv)</source>
        <translation>No (inactive)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="42"/>
        <source>Sök person</source>
        <extracomment>Fresh data is on screen.</extracomment>
        <translation>Search for a person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="43"/>
        <source>Sök på namn, e-post, kommun eller roll</source>
        <translation>Search by name, e-mail, municipality or role</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="46"/>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="55"/>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="111"/>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="70"/>
        <source>&amp;Ny person…</source>
        <translation>&amp;New person…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="72"/>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="76"/>
        <source>Ny roll</source>
        <translation>New role</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="79"/>
        <source>&amp;Roll:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="81"/>
        <source>Än&amp;dra roll</source>
        <translation>Change r&amp;ole</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="83"/>
        <source>Ändra roll</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="85"/>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="162"/>
        <source>&amp;Inaktivera</source>
        <translation>De&amp;activate</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="97"/>
        <source>Radera &amp;personuppgifter…</source>
        <translation>Erase &amp;personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="99"/>
        <source>Radera personuppgifter</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="131"/>
        <source>{shown} av {total}</source>
        <translation>{shown} of {total}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/people_page.py" line="162"/>
        <source>&amp;Aktivera</source>
        <translation>A&amp;ctivate</translation>
    </message>
</context>
<context>
    <name>PersonChooser</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/person_chooser.py" line="31"/>
        <source>Boka åt</source>
        <translation>Book for</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/person_chooser.py" line="32"/>
        <source>Vem bokningen gäller</source>
        <translation>Who the booking is for</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/person_chooser.py" line="92"/>
        <source>{name} – {municipality}</source>
        <translation>{name} – {municipality}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/person_chooser.py" line="96"/>
        <source>{person} (jag)</source>
        <translation>{person} (me)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="36"/>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="37"/>
        <source>Ny person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="41"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="44"/>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="45"/>
        <source>fornamn.efternamn@kommun.se</source>
        <translation>firstname.lastname@municipality.se</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="46"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="50"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="51"/>
        <source>Medarbetare</source>
        <translation>Employee</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="52"/>
        <source>Politiker</source>
        <translation>Politician</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="55"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="63"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="64"/>
        <source>&amp;E-post:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="65"/>
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="66"/>
        <source>&amp;Typ:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="67"/>
        <source>&amp;Roll:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="75"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="71"/>
        <source>&amp;Lägg till</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="72"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/plan_editor.py" line="64"/>
        <source>{name} (inaktiv)</source>
        <extracomment>Snap to this many plan units (centimetres). The default floor plan (see resources/office/default_office.json).</extracomment>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/plan_editor.py" line="98"/>
        <source>Planritning</source>
        <extracomment>The set of unsaved moves changed. The selected item changed: a resource id, or 0 for none.</extracomment>
        <translation>Floor plan</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/plan_editor.py" line="100"/>
        <source>Dra en plats för att flytta den, eller välj den och flytta med piltangenterna.</source>
        <translation>Drag a desk to move it, or select it and move it with the arrow keys.</translation>
    </message>
</context>
<context>
    <name>PrivacyChoice</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_fields.py" line="54"/>
        <source>&amp;Offentligt – bara att det är bokat och från vilken kommun</source>
        <translation>Publi&amp;c – only that it is booked and from which municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_fields.py" line="57"/>
        <source>&amp;Internt – med namn och rubriker</source>
        <translation>&amp;Internal – with names and titles</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/feed_fields.py" line="67"/>
        <source>Ett internt flöde visar vem som har bokat. Använd det bara för kontorets egen personal: alla som får adressen eller filen ser namnen.</source>
        <translation>An internal feed shows who booked. Use it only for the office&apos;s own staff: everyone who gets the address or the file sees the names.</translation>
    </message>
</context>
<context>
    <name>PrivacyNoticeDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="40"/>
        <source>Behandling av personuppgifter</source>
        <translation>Processing of personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="45"/>
        <source>Information om behandling av personuppgifter</source>
        <translation>Information about the processing of personal data</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="55"/>
        <source>Visa &amp;namn för alla användare (annars bara kommun)</source>
        <extracomment>Fresh settings are on screen. Retention ran (the applied report). A dry run&apos;s summary is shown, waiting for &quot;Rensa&quot; (tests wait on it).</extracomment>
        <translation>Show &amp;names to all users (otherwise the municipality only)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="57"/>
        <source>Visa namn för alla användare</source>
        <translation>Show names to all users</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="61"/>
        <source>Gäller namn och mötesrubriker i andras bokningar, i appen och på kommandoraden. Receptionister och administratörer ser alltid namn. Publika kalenderflöden och statistiken visar aldrig namn.</source>
        <translation>Applies to names and meeting titles in other people&apos;s bookings, in the app and on the command line. Receptionists and administrators always see names. Public calendar feeds and the statistics never show names.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="67"/>
        <source>Vem ser namn</source>
        <translation>Who sees names</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="75"/>
        <source> månader</source>
        <translation> months</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="76"/>
        <source>Gallringstid i månader</source>
        <translation>Retention period in months</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="78"/>
        <source>Ta bort namn, e-post och rubriker &amp;efter:</source>
        <translation>Remove names, e-mail addresses and titles &amp;after:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="80"/>
        <source>Rensa &amp;automatiskt vid start</source>
        <translation>Remove &amp;automatically on start</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="82"/>
        <source>Rensa automatiskt vid start</source>
        <translation>Remove automatically on start</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="86"/>
        <source>Bokningar och poster i ändringsloggen från före den första dagen i månaden så många månader bakåt förlorar namn, e-post och rubrik. Antalen per kommun, plats och dag finns kvar, så statistiken ändras inte.</source>
        <translation>Bookings and audit entries from before the first day of the month that many months back lose name, e-mail address and title. The counts per municipality, desk and day stay, so the statistics do not change.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="92"/>
        <source>Rensa &amp;gamla personuppgifter…</source>
        <translation>Remove &amp;old personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="94"/>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="247"/>
        <source>Rensa gamla personuppgifter</source>
        <translation>Remove old personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="99"/>
        <source>Gallring</source>
        <translation>Retention</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="108"/>
        <source>&amp;Om behandlingen av personuppgifter…</source>
        <translation>&amp;About the processing of personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="110"/>
        <source>Om behandlingen av personuppgifter</source>
        <translation>About the processing of personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="121"/>
        <source>Senaste händelse</source>
        <translation>Latest event</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="122"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="124"/>
        <source>Spara inställningarna för personuppgifter</source>
        <translation>Save the settings for personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="142"/>
        <source>Personuppgifter</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="170"/>
        <source>Ändringar som inte är sparade</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="196"/>
        <source>Inställningarna är sparade</source>
        <translation>The settings are saved</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="218"/>
        <source>Undersöker gamla personuppgifter…</source>
        <translation>Looking for old personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="224"/>
        <source>Bokningar som förlorar namn och rubrik: {n}</source>
        <translation>Bookings that lose name and title: {n}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="225"/>
        <source>Återkommande bokningar (serier): {n}</source>
        <translation>Recurring bookings (series): {n}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="226"/>
        <source>Poster i ändringsloggen: {n}</source>
        <translation>Audit entries: {n}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="227"/>
        <source>Personer som tas bort: {n}</source>
        <translation>People removed: {n}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="228"/>
        <source>Övriga kopplingar till vem som gjorde vad: {n}</source>
        <translation>Other links to who did what: {n}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="232"/>
        <source>Månader: {months}</source>
        <translation>Months: {months}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="240"/>
        <source>Det finns inga personuppgifter från före {day} att rensa.</source>
        <translation>There is no personal data from before {day} to remove.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="250"/>
        <source>Namn, e-post och rubriker från före {day} tas bort. Det går inte att ångra.</source>
        <translation>Names, e-mail addresses and titles from before {day} are removed. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="255"/>
        <source>&amp;Rensa</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="255"/>
        <source>&amp;Avbryt</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="280"/>
        <source>Rensar gamla personuppgifter…</source>
        <translation>Removing old personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/privacy_page.py" line="285"/>
        <source>Rensat. Statistiken är oförändrad.</source>
        <translation>Removed. The statistics are unchanged.</translation>
    </message>
</context>
<context>
    <name>PrivacySection</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="66"/>
        <source>Appen sparar namn, e-post, kommun och bokningar för att administrera kontoret. Här står vad som sparas, varför, hur länge och vem som ser det.</source>
        <translation>The app stores names, e-mail addresses, municipalities and bookings to run the office. Here is what is stored, why, for how long and who sees it.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="71"/>
        <source>Visa &amp;information om personuppgifter…</source>
        <translation>Show &amp;information about personal data…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="73"/>
        <source>Visa information om behandling av personuppgifter</source>
        <translation>Show information about the processing of personal data</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/privacy_notice.py" line="83"/>
        <source>Behandling av personuppgifter</source>
        <translation>Processing of personal data</translation>
    </message>
</context>
<context>
    <name>PublishFeedDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="39"/>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="40"/>
        <source>Publicera kalenderflöde</source>
        <extracomment>The longest name the service accepts (feed_publishing.MAX_LABEL).</extracomment>
        <translation>Publish calendar feed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="44"/>
        <source>Vad flödet visar</source>
        <translation>What the feed shows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="48"/>
        <source>Namn på flödet</source>
        <translation>The feed&apos;s name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="52"/>
        <source>Namnet visas i listan här och i flödets filnamn hos prenumeranterna.</source>
        <translation>The name is shown in the list here and in the feed&apos;s file name for subscribers.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="59"/>
        <source>&amp;Visar:</source>
        <translation>S&amp;hows:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="60"/>
        <source>Sekretess:</source>
        <translation>Privacy:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="61"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="66"/>
        <source>&amp;Publicera</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="67"/>
        <source>Publicera</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/publish_feed_dialog.py" line="70"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PublishedFeedsModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="46"/>
        <source>Hela kontoret</source>
        <extracomment>The FeedTokenView of a row (any column).</extracomment>
        <translation>The whole office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="48"/>
        <source>Värdkommun och möten</source>
        <translation>Host municipality and meetings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="50"/>
        <source>{name} (kommun)</source>
        <translation>{name} (municipality)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="52"/>
        <source>{name} (person)</source>
        <translation>{name} (person)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="57"/>
        <source>Internt: namn</source>
        <translation>Internal: names</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="58"/>
        <source>Offentligt: bara kommun</source>
        <translation>Public: municipality only</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="62"/>
        <source>Aktivt</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="63"/>
        <source>Återkallat {day}</source>
        <translation>Revoked {day}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="68"/>
        <source>{day}, {name}</source>
        <translation>{day}, {name}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="74"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="75"/>
        <source>Visar</source>
        <translation>Shows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="76"/>
        <source>Sekretess</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="77"/>
        <source>Adressen börjar</source>
        <translation>Address starts</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="78"/>
        <source>Publicerat</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/published_feeds_model.py" line="95"/>
        <source>Adressens första tecken, så att du kan skilja flödena åt. Hela adressen visades bara när flödet publicerades.</source>
        <translation>The address&apos;s first characters, so that you can tell the feeds apart. The whole address was shown only when the feed was published.</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="50"/>
        <source>&amp;Upprepa</source>
        <extracomment>How far the &quot;until&quot; date lies by default.</extracomment>
        <translation>&amp;Repeat</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="52"/>
        <source>Upprepa bokningen</source>
        <translation>Repeat the booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="54"/>
        <source>Varje &amp;vecka på:</source>
        <translation>Every &amp;week on:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="56"/>
        <source>Varje vecka på valda veckodagar</source>
        <translation>Every week on the chosen weekdays</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="57"/>
        <source>Varje &amp;dag</source>
        <translation>Every &amp;day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="59"/>
        <source>Varje dag</source>
        <translation>Every day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="65"/>
        <source>mån</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="65"/>
        <source>tis</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="65"/>
        <source>ons</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="65"/>
        <source>tors</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="65"/>
        <source>fre</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="67"/>
        <source>måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="68"/>
        <source>tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="69"/>
        <source>onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="70"/>
        <source>torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="71"/>
        <source>fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="84"/>
        <source>Till och &amp;med:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="86"/>
        <source>Till och med datum</source>
        <translation>Until date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="89"/>
        <source>Sista dag</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="90"/>
        <source>A&amp;ntal gånger:</source>
        <translation>&amp;Number of times:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="92"/>
        <source>Ett antal gånger</source>
        <translation>A number of times</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/recurrence_editor.py" line="95"/>
        <source>Antal gånger</source>
        <translation>Number of times</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="44"/>
        <source>Ändra {name}</source>
        <extracomment>Where a new desk or room is put on the plan until an admin drags it into place.</extracomment>
        <translation>Edit {name}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="46"/>
        <source>Nytt rum</source>
        <translation>New room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="48"/>
        <source>Ny plats</source>
        <translation>New desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="54"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="58"/>
        <source>Utrustning, skild med kommatecken</source>
        <translation>Equipment, separated by commas</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="59"/>
        <source>t.ex. Två skärmar, Headset</source>
        <translation>e.g. Two screens, Headset</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="62"/>
        <source>Kapacitet (personer)</source>
        <translation>Capacity (people)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="67"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="67"/>
        <source>&amp;Utrustning:</source>
        <translation>&amp;Equipment:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="69"/>
        <source>&amp;Kapacitet:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="74"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="74"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/resource_dialog.py" line="74"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ResourcesModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="37"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="38"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="39"/>
        <source>Utrustning</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="40"/>
        <source>Kapacitet</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="41"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="42"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="70"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/resources_model.py" line="70"/>
        <source>Nej (inaktiv)</source>
        <translation>No (inactive)</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="41"/>
        <source>Platser och rum</source>
        <extracomment>Fresh data is on screen.</extracomment>
        <translation>Desks and room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="51"/>
        <source>Ny &amp;plats…</source>
        <translation>New &amp;desk…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="52"/>
        <source>Nytt &amp;rum…</source>
        <translation>New &amp;room…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="53"/>
        <source>Ä&amp;ndra…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="54"/>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="158"/>
        <source>&amp;Inaktivera</source>
        <translation>De&amp;activate</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="63"/>
        <source>&amp;Spara placering</source>
        <translation>&amp;Save placement</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="65"/>
        <source>Ån&amp;gra flyttar</source>
        <translation>&amp;Undo moves</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="76"/>
        <source>Dra platserna på planen, eller välj en och flytta den med piltangenterna.</source>
        <translation>Drag the desks on the plan, or select one and move it with the arrow keys.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="113"/>
        <source>Platser</source>
        <translation>Desks and room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="158"/>
        <source>&amp;Aktivera</source>
        <translation>A&amp;ctivate</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="224"/>
        <source>{n} flyttade, inte sparade</source>
        <translation>{n} moved, not saved</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/resources_page.py" line="226"/>
        <source>Placeringen är sparad</source>
        <translation>The placement is saved</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="24"/>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="25"/>
        <source>Receptionist</source>
        <translation>Receptionist</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/person_dialog.py" line="26"/>
        <source>Administratör</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>RoomBookingDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="111"/>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="220"/>
        <source>Boka {room}</source>
        <extracomment>The spin box accepts this many, so that a too-large meeting is explained, not silently capped. Wait this long after the last time change before asking the database about overlaps.</extracomment>
        <translation>Book {room}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="215"/>
        <source>Plats för {n} personer</source>
        <translation>Room for {n} people</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="131"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="133"/>
        <source>t.ex. Styrgruppsmöte</source>
        <translation>e.g. Steering group meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="136"/>
        <source>Antal deltagare</source>
        <translation>Number of participants</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="147"/>
        <source>Starttid</source>
        <translation>Start time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="150"/>
        <source>Sluttid</source>
        <translation>End time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="158"/>
        <source>Rum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="162"/>
        <source>R&amp;um:</source>
        <translation>R&amp;oom:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="163"/>
        <source>&amp;Rubrik:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="164"/>
        <source>D&amp;eltagare:</source>
        <translation>&amp;Participants:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="166"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="167"/>
        <source>&amp;Till:</source>
        <translation>T&amp;o:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="170"/>
        <source>Bokas åt:</source>
        <translation>Booked for:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="173"/>
        <source>B&amp;oka åt:</source>
        <translation>Boo&amp;k for:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="192"/>
        <source>&amp;Boka</source>
        <translation>&amp;Book</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="192"/>
        <source>Boka</source>
        <translation>Book</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="302"/>
        <source>Stängt: {reason}</source>
        <translation>Closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="305"/>
        <source>Öppet {opens}–{closes}</source>
        <translation>Open {opens}–{closes}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="323"/>
        <source>Krockar med {span} {title} ({municipality})</source>
        <translation>Clashes with {span} {title} ({municipality})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="326"/>
        <source>Krockar med {span} ({municipality})</source>
        <translation>Clashes with {span} ({municipality})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="332"/>
        <source>Högst {maximum} deltagare får plats i {room}; du angav {value}.</source>
        <translation>At most {maximum} participants fit in {room}; you entered {value}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/room_booking_dialog.py" line="341"/>
        <source>Sluttiden måste vara efter starttiden.</source>
        <translation>The end time must be after the start time.</translation>
    </message>
</context>
<context>
    <name>RoomStatsModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/room_stats_model.py" line="25"/>
        <source>Rum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_stats_model.py" line="26"/>
        <source>Bokningar</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_stats_model.py" line="27"/>
        <source>Bokade timmar</source>
        <translation>Booked hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_stats_model.py" line="28"/>
        <source>Öppettimmar</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_stats_model.py" line="29"/>
        <source>Beläggning</source>
        <translation>Occupancy</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="99"/>
        <source>◀ &amp;Föregående vecka</source>
        <extracomment>The timeline shows at least these hours (minutes after midnight), more if the office is open longer. The room picker&apos;s data for &quot;every room&apos;s free time&quot;. The room chosen in the picker (a resource id), ALL_ROOMS, or None before the first load.</extracomment>
        <translation>◀ &amp;Previous week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="101"/>
        <source>Föregående vecka</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="102"/>
        <source>Föregående vecka (Alt+Vänster)</source>
        <translation>Previous week (Alt+Left)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="103"/>
        <source>&amp;Denna vecka</source>
        <translation>&amp;This week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="105"/>
        <source>Denna vecka</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="106"/>
        <source>&amp;Nästa vecka ▶</source>
        <translation>&amp;Next week ▶</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="108"/>
        <source>Nästa vecka</source>
        <translation>Next week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="109"/>
        <source>Nästa vecka (Alt+Höger)</source>
        <translation>Next week (Alt+Right)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="122"/>
        <source>Rum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="123"/>
        <source>&amp;Rum:</source>
        <translation>&amp;Room:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="143"/>
        <source>Dra över ledig tid i en dag, eller klicka för en timme. Med tangentbordet: piltangenterna flyttar, Skift+pil upp/ned väljer längre tid och Enter bokar.</source>
        <translation>Drag over free time in a day, or click for one hour. With the keyboard: the arrow keys move, Shift+Up/Down chooses a longer time and Enter books.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="151"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="155"/>
        <source>Veckans möten i konferensrummet</source>
        <translation>This week&apos;s meetings in the conference room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="160"/>
        <source>Veckans &amp;möten:</source>
        <translation>This week&apos;s &amp;meetings:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="166"/>
        <source>Inga möten den här veckan. Dra över ledig tid i veckan ovan för att boka rummet.</source>
        <translation>No meetings this week. Drag over free time in the week above to book the room.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="182"/>
        <source>Alla rums lediga tider i veckan</source>
        <translation>Every room&apos;s free time this week</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="189"/>
        <source>Lediga tider i varje rum. Välj en dag i ett rum (Enter eller dubbelklick) för att boka.</source>
        <translation>Free time in each room. Choose a day in a room (Enter or double-click) to book.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="230"/>
        <source>Konferensrum</source>
        <translation>Conference room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="270"/>
        <source>Ingen kontakt med databasen: det går inte att boka eller visa en annan vecka just nu.</source>
        <translation>No contact with the database: booking or showing another week is not possible right now.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="279"/>
        <source>v. {week}</source>
        <translation>w. {week}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="282"/>
        <source>Vecka {week}</source>
        <translation>Week {week}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="325"/>
        <source>{room} (högst {n})</source>
        <translation>{room} (max {n})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="331"/>
        <source>Alla rum – lediga tider</source>
        <translation>All rooms – free time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="392"/>
        <source>Kontoret har inget konferensrum.</source>
        <translation>The office has no conference room.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="396"/>
        <source>{room}, högst {n} personer</source>
        <translation>{room}, at most {n} people</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="401"/>
        <source>Veckoschema för {room}</source>
        <translation>Week schedule of {room}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="443"/>
        <source>Boka {span}.</source>
        <translation>Book {span}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="459"/>
        <source>Bokat: {title}, {span}.</source>
        <translation>Booked: {title}, {span}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="460"/>
        <source>(utan rubrik)</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="470"/>
        <source>Upptaget {span}: {details}.</source>
        <translation>Taken {span}: {details}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="474"/>
        <source>Det är din bokning; avboka den under Mina bokningar.</source>
        <translation>This is your booking; cancel it under My bookings.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="484"/>
        <source>{span}: {title}</source>
        <translation>{span}: {title}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="497"/>
        <source>Mötet är flyttat till {span}.</source>
        <translation>The meeting is moved to {span}.</translation>
    </message>
</context>
<context>
    <name>RoomWeekModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="61"/>
        <source>(utan rubrik)</source>
        <extracomment>The row&apos;s BookingView, for views and tests.</extracomment>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="63"/>
        <source>Bokat</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="64"/>
        <source>{title} (min bokning)</source>
        <translation>{title} (my booking)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="78"/>
        <source>Dag</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="79"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="80"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="81"/>
        <source>Deltagare</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="82"/>
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="83"/>
        <source>Bokad av</source>
        <translation>Booked by</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/room_week_model.py" line="111"/>
        <source>{n} pers.</source>
        <translation>{n} people</translation>
    </message>
</context>
<context>
    <name>RoomsFree</name>
    <message>
        <location filename="../../satellitkontor/gui/models/rooms_free_model.py" line="24"/>
        <source>stängt: {reason}</source>
        <translation>closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rooms_free_model.py" line="27"/>
        <source>stängt</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rooms_free_model.py" line="30"/>
        <source>fullbokat</source>
        <translation>fully booked</translation>
    </message>
</context>
<context>
    <name>RoomsFreeModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/rooms_free_model.py" line="56"/>
        <source>Rum</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rooms_free_model.py" line="76"/>
        <source>{room}, {day}: ledigt {free}</source>
        <translation>{room}, {day}: free {free}</translation>
    </message>
</context>
<context>
    <name>RotationView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="53"/>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="126"/>
        <source>Värdkommun</source>
        <extracomment>How many years after this one the multi-year table shows.</extracomment>
        <translation>Host municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="64"/>
        <source>&amp;Bekräfta/ändra år…</source>
        <translation>&amp;Confirm/change year…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="66"/>
        <source>Bekräfta eller ändra år</source>
        <translation>Confirm or change a year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="68"/>
        <source>&amp;Nytt möte…</source>
        <translation>&amp;New meeting…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="70"/>
        <source>Nytt möte</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="79"/>
        <source>Årets möten</source>
        <translation>This year&apos;s meetings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="90"/>
        <source>Möten</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="96"/>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="105"/>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="202"/>
        <source>Rotationen år för år</source>
        <translation>The rotation year by year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="99"/>
        <source>Beslutad = fastställd i verksamhetsplanen. Preliminär = följer turordningen men är inte bekräftad än (kursiv stil). Bekräftad = bekräftad eller ändrad av en administratör.</source>
        <translation>Decided = set in the business plan. Projected = follows the order of rotation but is not confirmed yet (italics). Confirmed = confirmed or changed by an administrator.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="173"/>
        <source>Värdkommun {year}: {host}</source>
        <translation>Host municipality {year}: {host}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="175"/>
        <source>{text} (preliminär)</source>
        <translation>{text} (projected)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="178"/>
        <source>Vice ordförande: {name}</source>
        <translation>Vice chair: {name}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="179"/>
        <source>Vice ordförande i kommunchefsgruppen (KC-gruppen)</source>
        <translation>Vice chair of the municipal CEOs&apos; group (KC group)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="183"/>
        <source>Nästa år ({year}): {host}, {status}</source>
        <translation>Next year ({year}): {host}, {status}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="191"/>
        <source>Möten {year}</source>
        <translation>Meetings {year}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="193"/>
        <source>Inga möten inlagda för {year}. Lägg till ett med Nytt möte…</source>
        <translation>No meetings added for {year}. Add one with New meeting…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="195"/>
        <source>Inga möten inlagda för {year}. En administratör lägger in dem.</source>
        <translation>No meetings added for {year}. An administrator adds them.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="200"/>
        <source>Rotationen {first}–{last}</source>
        <translation>The rotation {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="212"/>
        <source>Överlämning: {outgoing} → {incoming}, {when}</source>
        <translation>Handover: {outgoing} → {incoming}, {when}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="218"/>
        <source>{text}, {place}</source>
        <translation>{text}, {place}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="221"/>
        <source>Överlämning: {outgoing} → {incoming} på ett möte i december (datum inte bestämt än).</source>
        <translation>Handover: {outgoing} → {incoming} at a meeting in December (date not set yet).</translation>
    </message>
</context>
<context>
    <name>RotationYearDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="31"/>
        <source>Bekräfta eller ändra värdkommun</source>
        <translation>Confirm or change the host municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="37"/>
        <source>Bekräfta året som det står, eller välj en annan värdkommun eller vice ordförande om Umeåregionrådet har beslutat om ett byte.</source>
        <translation>Confirm the year as it stands, or choose another host municipality or vice chair if the Umeå Region Council has decided on a swap.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="47"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="48"/>
        <source>Värdkommun</source>
        <translation>Host municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="49"/>
        <source>Vice ordförande</source>
        <translation>Vice chair</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="54"/>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="55"/>
        <source>t.ex. beslut i Umeåregionrådet</source>
        <translation>e.g. decision of the Umeå Region Council</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="57"/>
        <source>&amp;År:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="58"/>
        <source>Nu:</source>
        <translation>Now:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="59"/>
        <source>&amp;Värdkommun:</source>
        <translation>&amp;Host municipality:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="60"/>
        <source>Vice &amp;ordförande:</source>
        <translation>&amp;Vice chair:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="61"/>
        <source>&amp;Anteckning:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="65"/>
        <source>&amp;Bekräfta</source>
        <translation>&amp;Confirm</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="65"/>
        <source>Bekräfta</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="91"/>
        <source>{host}, vice ordförande {vice} ({status})</source>
        <translation>{host}, vice chair {vice} ({status})</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/rotation_year_dialog.py" line="100"/>
        <source>Värdkommun och vice ordförande måste vara olika kommuner.</source>
        <translation>The host municipality and the vice chair must be different municipalities.</translation>
    </message>
</context>
<context>
    <name>RotationYearsModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="53"/>
        <source>År</source>
        <extracomment>The row&apos;s HostYear, for views and tests.</extracomment>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="53"/>
        <source>Värdkommun</source>
        <translation>Host municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="53"/>
        <source>Vice ordförande</source>
        <translation>Vice chair</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="53"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="64"/>
        <source>Preliminär: följer turordningen men är inte bekräftad än.</source>
        <translation>Projected: follows the order of rotation but is not confirmed yet.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="66"/>
        <source>Bekräftad av en administratör.</source>
        <translation>Confirmed by an administrator.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="67"/>
        <source>Beslutad i verksamhetsplanen.</source>
        <translation>Decided in the business plan.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/rotation_years_model.py" line="88"/>
        <source>{status} (i år)</source>
        <translation>{status} (this year)</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="79"/>
        <source>Boka &amp;högst så här många dagar framåt:</source>
        <extracomment>The number fields of the form: policy field -&gt; (minimum, maximum). The fair rules (each off unless ticked): policy field -&gt; (minimum, maximum, value when ticked). Fresh data is on screen.</extracomment>
        <translation>Book at &amp;most this many days ahead:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="80"/>
        <source>Rummets &amp;tidsintervall (minuter):</source>
        <translation>The room&apos;s time &amp;grid (minutes):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="81"/>
        <source>&amp;Kortaste rumsbokning (minuter):</source>
        <translation>&amp;Shortest room booking (minutes):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="82"/>
        <source>&amp;Längsta rumsbokning (minuter):</source>
        <translation>&amp;Longest room booking (minutes):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="83"/>
        <source>Högsta antal &amp;deltagare i rummet:</source>
        <translation>Maximum &amp;participants in the room:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="84"/>
        <source>Rummet kan bokas så här länge &amp;efter start (minuter):</source>
        <translation>The room can be booked this long &amp;after the start (minutes):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="85"/>
        <source>&amp;Utebliven efter (minuter efter start):</source>
        <translation>&amp;No-show after (minutes after the start):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="86"/>
        <source>&amp;Incheckning öppnar (minuter före start):</source>
        <translation>Check-&amp;in opens (minutes before the start):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="87"/>
        <source>En ledig plats hålls åt den första i &amp;väntelistan (minuter):</source>
        <translation>A freed desk is held for the first on the &amp;waitlist (minutes):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="104"/>
        <source>Förmiddag slutar och eftermiddag börjar</source>
        <translation>Morning ends and afternoon begins</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="106"/>
        <source>Förmiddag slutar och eftermiddag &amp;börjar:</source>
        <translation>Morning ends and afternoon &amp;begins:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="109"/>
        <source>En person kan bara ha en &amp;plats åt gången</source>
        <translation>A person can only have one &amp;desk at a time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="111"/>
        <source>En person kan bara ha en plats åt gången</source>
        <translation>A person can only have one desk at a time</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="115"/>
        <source>&amp;Frisläpp bokningar utan incheckning när tiden för utebliven har gått</source>
        <translation>&amp;Release bookings nobody checked in to once the no-show time has passed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="118"/>
        <source>Frisläpp bokningar utan incheckning automatiskt</source>
        <translation>Release unclaimed bookings automatically</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="121"/>
        <source>Receptionens och administratörernas program frisläpper dem, och kommandot satellitkontor release i en schemalagd körning.</source>
        <translation>The reception&apos;s and the administrators&apos; apps release them, and the command satellitkontor release in a scheduled task.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="127"/>
        <source>Regler för bokning</source>
        <translation>Rules for booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="131"/>
        <source>Måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="132"/>
        <source>Tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="133"/>
        <source>Onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="134"/>
        <source>Torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="135"/>
        <source>Fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="136"/>
        <source>Lördag</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="137"/>
        <source>Söndag</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="143"/>
        <source>Öppnar</source>
        <translation>Opens</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="144"/>
        <source>Stänger</source>
        <translation>Closes</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="148"/>
        <source>{day}: öppet</source>
        <translation>{day}: open</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="150"/>
        <source>{day} öppnar</source>
        <translation>{day} opens</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="150"/>
        <source>{day} stänger</source>
        <translation>{day} closes</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="163"/>
        <source>En veckodag utan bock är stängd. Helgdagar är alltid stängda.</source>
        <translation>A weekday without a tick is closed. Holidays are always closed.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="166"/>
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="170"/>
        <source>Högst så här många &amp;platsdagar per person och vecka:</source>
        <translation>At most this many &amp;desk-days per person a week:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="171"/>
        <source>Högst så här många platsdagar per person och &amp;månad:</source>
        <translation>At most this many desk-days per person a &amp;month:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="172"/>
        <source>Längsta återkommande &amp;bokning (veckor):</source>
        <translation>Longest repeated &amp;booking (weeks):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="174"/>
        <source>En plats åt någon annan (t.ex. en kommuns grupp) tidigast så här många &amp;dagar före:</source>
        <translation>A desk for someone else (e.g. a municipality&apos;s group) at the earliest this many &amp;days before:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="197"/>
        <source>Varje regel gäller bara när den är ikryssad. En halv dag räknas som en halv platsdag. Bokningsfönstren visar reglerna, och ett nej säger vilken regel och när det går att boka igen.</source>
        <translation>Each rule applies only when ticked. Half a day counts as half a desk-day. The booking dialogs show the rules, and a refusal says which rule and when booking opens again.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="203"/>
        <source>Rättvis fördelning</source>
        <translation>Fair sharing</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="226"/>
        <source>&amp;Spara</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="229"/>
        <source>Spara reglerna</source>
        <translation>Save the rules</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="232"/>
        <source>Åte&amp;rställ</source>
        <translation>Rese&amp;t</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="234"/>
        <source>Återställ till de sparade reglerna</source>
        <translation>Reset to the saved rules</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="248"/>
        <source>Bokningsregler</source>
        <translation>Booking rules</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="301"/>
        <source>Ändringar som inte är sparade</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/rules_page.py" line="303"/>
        <source>Reglerna är sparade</source>
        <translation>The rules are saved</translation>
    </message>
</context>
<context>
    <name>SaveFeedDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="51"/>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="52"/>
        <source>Spara kalenderflöde som fil</source>
        <extracomment>A file name to start from (&quot;plats-3.ics&quot;).</extracomment>
        <translation>Save calendar feed as a file</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="54"/>
        <source>Vad filen visar</source>
        <translation>What the file shows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="57"/>
        <source>Första dag</source>
        <translation>First day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="59"/>
        <source>Sista dag</source>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="66"/>
        <source>&amp;Visar:</source>
        <translation>S&amp;hows:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="67"/>
        <source>Sekretess:</source>
        <translation>Privacy:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="68"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="69"/>
        <source>&amp;Till och med:</source>
        <translation>&amp;To (inclusive):</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="73"/>
        <source>Välj fil och &amp;spara…</source>
        <translation>Choose file and &amp;save…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="74"/>
        <source>Välj fil och spara</source>
        <translation>Choose file and save</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="77"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/save_feed_dialog.py" line="98"/>
        <source>Sista dagen ligger före den första.</source>
        <translation>The last day is before the first.</translation>
    </message>
</context>
<context>
    <name>SeriesChangeDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="134"/>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="135"/>
        <source>Ändra serien</source>
        <translation>Change the series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="144"/>
        <source>måndag</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="145"/>
        <source>tisdag</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="146"/>
        <source>onsdag</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="147"/>
        <source>torsdag</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="148"/>
        <source>fredag</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="150"/>
        <source>mån</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="150"/>
        <source>tis</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="150"/>
        <source>ons</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="150"/>
        <source>tors</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="150"/>
        <source>fre</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="167"/>
        <source>&amp;Plats:</source>
        <translation>&amp;Desk:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="167"/>
        <source>D&amp;el av dagen:</source>
        <translation>&amp;Part of the day:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="169"/>
        <source>&amp;Börjar:</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="169"/>
        <source>&amp;Slutar:</source>
        <translation>E&amp;nds:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="170"/>
        <source>&amp;Veckodagar:</source>
        <translation>&amp;Weekdays:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="179"/>
        <source>&amp;Förhandsgranska</source>
        <translation>&amp;Preview</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="180"/>
        <source>Förhandsgranska ändringen</source>
        <translation>Preview the change</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="183"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="185"/>
        <source>{place}: serien från och med {day}</source>
        <translation>{place}: the series from {day} on</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="189"/>
        <source>Tidigare bokningar i serien ändras inte. Ingenting sparas förrän du har sett förhandsgranskningen.</source>
        <translation>Earlier bookings in the series are not changed. Nothing is saved until you have seen the preview.</translation>
    </message>
</context>
<context>
    <name>SeriesPreview</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="64"/>
        <source>Tillfällen i serien</source>
        <extracomment>Set by a dialog that changes a series: the summary counts what changes, is booked, cancelled and skipped, and the button saves the change.</extracomment>
        <translation>Occurrences in the series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="143"/>
        <source>Ändras: {c}. Bokas: {b}. Avbokas: {x}. Hoppas över: {m}. Ingenting är sparat ännu.</source>
        <translation>Changed: {c}. Booked: {b}. Cancelled: {x}. Skipped: {m}. Nothing is saved yet.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="146"/>
        <source>&amp;Spara ändringen av serien</source>
        <translation>&amp;Save the change to the series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="149"/>
        <source>Bokas: {n}. Hoppas över: {m}. Ingenting är sparat ännu.</source>
        <translation>To be booked: {n}. Skipped: {m}. Nothing has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="152"/>
        <source>Be&amp;kräfta 1 bokning</source>
        <translation>&amp;Confirm 1 booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_preview.py" line="152"/>
        <source>Be&amp;kräfta {n} bokningar</source>
        <translation>&amp;Confirm {n} bookings</translation>
    </message>
</context>
<context>
    <name>SeriesPreviewModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="83"/>
        <source>Bokas</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="83"/>
        <source>Hoppas över</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="105"/>
        <source>{day}: bokas</source>
        <translation>{day}: will be booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="106"/>
        <source>{day}: hoppas över, {reason}</source>
        <translation>{day}: skipped, {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="87"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="57"/>
        <source>Dagen ingår inte längre i serien.</source>
        <extracomment>Qt.ItemDataRole.UserRole: the row&apos;s ``datetime.date``; UserRole + 1: True when it is booked. A series changed from one occurrence on: &quot;changed&quot; (the booking that day changes in place), &quot;cancelled&quot; (the booking that day is cancelled); &quot;&quot; otherwise.</extracomment>
        <translation>The day is no longer part of the series.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="80"/>
        <source>Ändras</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="82"/>
        <source>Avbokas</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="87"/>
        <source>Blir</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/series_preview_model.py" line="87"/>
        <source>Anledning</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SeriesScopeQuestion</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="101"/>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="102"/>
        <source>Ändra en bokning i en serie</source>
        <translation>Change a booking in a series</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="104"/>
        <source>{place}, {day} ingår i en serie. Vill du ändra bara denna bokning, eller denna och de kommande?</source>
        <translation>{place}, {day} is part of a series. Do you want to change only this booking, or this one and the coming ones?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="107"/>
        <source>&amp;Bara denna</source>
        <translation>&amp;Only this one</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="110"/>
        <source>&amp;Denna och kommande</source>
        <translation>This one and the &amp;coming ones</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/series_change_dialog.py" line="113"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="74"/>
        <source>År</source>
        <extracomment>A file was written (its path).</extracomment>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="79"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="80"/>
        <source>Hela året</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="85"/>
        <source>Diagrammet visar</source>
        <translation>The chart shows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="87"/>
        <source>Platsdagar</source>
        <translation>Desk-days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="88"/>
        <source>Rumstimmar</source>
        <translation>Room-hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="89"/>
        <source>Bokningar</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="90"/>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="96"/>
        <source>&amp;År:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="97"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="98"/>
        <source>&amp;Diagrammet visar:</source>
        <translation>C&amp;hart shows:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="110"/>
        <source>Användning per kommun</source>
        <translation>Usage per municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="128"/>
        <source>Användning per rum</source>
        <translation>Use per room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="137"/>
        <source>Per kommun</source>
        <translation>Per municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="138"/>
        <source>Veckodag och halvdag</source>
        <translation>Weekday and half-day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="139"/>
        <source>Per plats</source>
        <translation>Per desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="140"/>
        <source>Uteblivna per månad</source>
        <translation>No-shows per month</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="141"/>
        <source>Per rum</source>
        <translation>Per room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="149"/>
        <source>Spara &amp;diagram (PNG/PDF)…</source>
        <translation>Save &amp;charts (PNG/PDF)…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="153"/>
        <source>Exportera &amp;CSV…</source>
        <translation>Export &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="155"/>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="356"/>
        <source>Exportera CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="157"/>
        <source>Exportera &amp;Excel (XLSX)…</source>
        <translation>Export &amp;Excel (XLSX)…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="159"/>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="364"/>
        <source>Exportera Excel (XLSX)</source>
        <translation>Export Excel (XLSX)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="172"/>
        <source>Platsdagar: heldag räknas 1, förmiddag eller eftermiddag 0,5. Avbokade och uteblivna bokningar räknas inte. En bokning hör till kommunen personen hade när den gjordes.</source>
        <translation>Desk-days: a full day counts 1, a morning or afternoon 0.5. Cancelled bookings and no-shows do not count. A booking belongs to the municipality its person had when it was made.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="197"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="266"/>
        <source>hela året</source>
        <translation>the whole year</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="267"/>
        <source>{measure} per kommun, {period} {year}</source>
        <translation>{measure} per municipality, {period} {year}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="279"/>
        <source>Inga bokningar under {period} {year}. Välj ett annat år eller en annan period ovan.</source>
        <translation>No bookings for {period} {year}. Choose another year or period above.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="289"/>
        <source>Förmiddag</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="289"/>
        <source>Eftermiddag</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="291"/>
        <source>Andel bokade platser, {period} {year}</source>
        <translation>Share of desks booked, {period} {year}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="299"/>
        <source>fm</source>
        <translation>am</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="299"/>
        <source>em</source>
        <translation>pm</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="302"/>
        <source>Andel bokad per plats, {period} {year}</source>
        <translation>Share booked per desk, {period} {year}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="319"/>
        <source>Andel uteblivna bokningar per månad {year} (%)</source>
        <translation>Share of no-show bookings per month {year} (%)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="328"/>
        <source>Spara diagram</source>
        <translation>Save charts</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="330"/>
        <source>PDF (*.pdf);;PNG-bild (*.png)</source>
        <translation>PDF (*.pdf);;PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="340"/>
        <source>Diagrammen sparades i {path}</source>
        <translation>The charts were saved in {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="342"/>
        <source>Det gick inte att spara {path}. Välj en mapp du kan skriva i.</source>
        <translation>{path} could not be saved. Choose a folder you can write to.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="351"/>
        <source>satellitkontoret-statistik-{year}</source>
        <translation>satellite-office-statistics-{year}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="356"/>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="366"/>
        <source>Excel-arbetsböcker (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="390"/>
        <source>Statistiken för {year} sparades i {path}</source>
        <translation>The statistics for {year} were saved in {path}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/views/admin/statistics_page.py" line="395"/>
        <source>Exporterar statistik…</source>
        <translation>Exporting statistics…</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="22"/>
        <source>Välkommen till Satellitkontoret</source>
        <translation>Welcome to the satellite office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="27"/>
        <source>Boka en plats</source>
        <translation>Book a desk</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="29"/>
        <source>Under Boka plats ser du dagens platser på planritningen. Klicka på en ledig plats (eller välj den i listan och tryck Enter) och välj heldag, förmiddag eller eftermiddag.</source>
        <translation>Under Book a desk you see the day&apos;s desks on the floor plan. Click a free desk (or choose it in the list and press Enter) and choose a full day, the morning or the afternoon.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="34"/>
        <source>Konferensrummet</source>
        <translation>The conference room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="36"/>
        <source>Under Konferensrum ser du rummets vecka. Dra över de tider du vill ha och ange antal deltagare och en rubrik.</source>
        <translation>Under Conference room you see the room&apos;s week. Drag over the times you want and give the number of participants and a title.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="41"/>
        <source>Dina bokningar</source>
        <translation>Your bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="43"/>
        <source>Under Mina bokningar ser du och avbokar det du har bokat. Din bokning står som ”Min bokning” på planen och i rummets vecka.</source>
        <translation>Under My bookings you see and cancel what you have booked. Your booking reads “My booking” on the plan and in the room&apos;s week.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="48"/>
        <source>Hjälp finns alltid</source>
        <translation>Help is always there</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="50"/>
        <source>Tryck F1 för en kort guide till vyn du är i. Hjälp-menyn visar kortkommandona och den här introduktionen igen.</source>
        <translation>Press F1 for a short guide to the view you are in. The Help menu shows the keyboard shortcuts and this introduction again.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="59"/>
        <source>Steg {n} av {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="71"/>
        <source>&amp;Hoppa över</source>
        <translation>&amp;Skip</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="73"/>
        <source>&amp;Föregående</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="74"/>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="101"/>
        <source>&amp;Nästa</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/tour.py" line="101"/>
        <source>&amp;Klar</source>
        <translation>&amp;Done</translation>
    </message>
</context>
<context>
    <name>UsageModel</name>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="76"/>
        <source>Kommun</source>
        <extracomment>The raw value of a cell (float, int or the municipality&apos;s name).</extracomment>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="77"/>
        <source>Platsdagar</source>
        <translation>Desk-days</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="78"/>
        <source>Rumstimmar</source>
        <translation>Room-hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="79"/>
        <source>Bokningar</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="80"/>
        <source>Personer</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="81"/>
        <source>Medarbetare</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="82"/>
        <source>Politiker</source>
        <translation>Politicians</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="83"/>
        <source>Uteblivna</source>
        <translation>No-shows</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="84"/>
        <source>Andel uteblivna</source>
        <translation>No-show rate</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="85"/>
        <source>Gästbokningar</source>
        <translation>Guest bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="96"/>
        <source>Heldag räknas 1, förmiddag eller eftermiddag 0,5</source>
        <translation>A full day counts 1, a morning or afternoon 0.5</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="97"/>
        <source>Konferensrummets bokade timmar</source>
        <translation>The conference room&apos;s booked hours</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="98"/>
        <source>Bokningar som används eller står kvar</source>
        <translation>Bookings that were used or still stand</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="99"/>
        <source>Olika personer med minst en bokning</source>
        <translation>Different people with at least one booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="102"/>
        <source>Bokningar där ingen kom</source>
        <translation>Bookings where nobody came</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="103"/>
        <source>Uteblivna av påbörjade bokningar</source>
        <translation>No-shows among started bookings</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="104"/>
        <source>Bokningar åt externa gäster, räknade under värdens kommun</source>
        <translation>Bookings for external guests, counted under the host&apos;s municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/models/usage_model.py" line="133"/>
        <source>Totalt</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Waitlist</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="33"/>
        <source>väntar, nummer {n} i kön</source>
        <translation>waiting, number {n} in line</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="34"/>
        <source>väntar</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="37"/>
        <source>erbjuden: {place} hålls åt dig till {until}</source>
        <translation>offered: {place} is held for you until {until}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="39"/>
        <source>erbjuden: {place} hålls till {until}</source>
        <translation>offered: {place} is held until {until}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="43"/>
        <source>erbjuden</source>
        <translation>offered</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="44"/>
        <source>bokad</source>
        <translation>booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="45"/>
        <source>avstod</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="46"/>
        <source>gick ut</source>
        <translation>ran out</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="47"/>
        <source>lämnade kön</source>
        <translation>left the line</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="89"/>
        <source>&amp;Meddela mig om en plats blir ledig</source>
        <extracomment>The entry made; ``said`` carries the sentence for the user (or the refusal).</extracomment>
        <translation>&amp;Tell me if a desk becomes free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="93"/>
        <source>Ställ dig i kö för en plats den här dagen</source>
        <translation>Join the waitlist for a desk on this day</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="96"/>
        <source>Den första i kön erbjuds en plats som blir ledig</source>
        <translation>The first in line is offered a desk that becomes free</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="99"/>
        <source>boka &amp;direkt åt mig</source>
        <translation>book it for me &amp;straight away</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="102"/>
        <source>Boka platsen åt mig direkt i stället för att erbjuda den</source>
        <translation>Book the desk for me straight away instead of offering it</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="124"/>
        <source>Du står i kön {need}: {state}.</source>
        <translation>You are on the waitlist {need}: {state}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="152"/>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="257"/>
        <source>Väntelista</source>
        <extracomment>An offer was answered (the bookings list should reload).</extracomment>
        <translation>Waitlist</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="155"/>
        <source>Mina platser i kön</source>
        <translation>My places in line</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="160"/>
        <source>&amp;Ta platsen</source>
        <translation>&amp;Take the place</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="163"/>
        <source>A&amp;vstå</source>
        <translation>&amp;Decline</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="166"/>
        <source>&amp;Lämna kön</source>
        <translation>&amp;Leave the line</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="199"/>
        <source>{place} är ledig {need} och hålls åt dig till {until}. Vill du ha den?</source>
        <translation>{place} is free {need} and held for you until {until}. Do you want it?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="260"/>
        <source>Dagens väntelista</source>
        <translation>The day&apos;s waitlist</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/waitlist_widgets.py" line="279"/>
        <source> (boka direkt)</source>
        <translation> (book straight away)</translation>
    </message>
</context>
<context>
    <name>WeekTimeline</name>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="91"/>
        <source>Veckoschema för konferensrummet</source>
        <extracomment>Minimum height of one slot row, in pixels. A click (not a drag) chooses this many minutes from the clicked slot. The office&apos;s rules and calendar: what may be booked is asked of domain/policy.py. Free time chosen: (start, end) as aware datetimes. A meeting was clicked or chosen with Enter (BookingView). Why the chosen time cannot be booked (a sentence for the status line). One&apos;s own meeting dragged to another time or day: (BookingView, new start, new end).</extracomment>
        <translation>Week schedule of the conference room</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="201"/>
        <source>Min bokning</source>
        <extracomment>(day index, first row, end row exclusive) being chosen, or None. One&apos;s own meeting being dragged: (the booking, the cell it was picked up at).</extracomment>
        <translation>My booking</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="204"/>
        <source>(utan rubrik)</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="204"/>
        <source>Bokat</source>
        <translation>Booked</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="205"/>
        <source>{n} pers.</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="216"/>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="231"/>
        <source>Schemat laddas fortfarande.</source>
        <translation>The schedule is still loading.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="242"/>
        <source>Kontoret är stängt {day}: {reason}.</source>
        <translation>The office is closed on {day}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="246"/>
        <source>Kontoret har öppet {opens}–{closes} den dagen.</source>
        <translation>The office is open {opens}–{closes} that day.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="250"/>
        <source>Den tiden har redan varit. Välj en senare tid.</source>
        <translation>That time has already passed. Choose a later time.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="252"/>
        <source>Rummet kan bokas till och med {day}.</source>
        <translation>The room can be booked up to and including {day}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="223"/>
        <source>Tiden är redan bokad: {what}.</source>
        <translation>That time is already booked: {what}.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="255"/>
        <source>Det finns bara {free} minuter ledigt där; ett möte är minst {minimum} minuter.</source>
        <translation>Only {free} minutes are free there; a meeting is at least {minimum} minutes.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="442"/>
        <source>ledig; Enter bokar</source>
        <translation>free; Enter books</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline.py" line="446"/>
        <source>vald tid {span}; Enter bokar</source>
        <translation>chosen time {span}; Enter books</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline_paint.py" line="64"/>
        <source> (idag)</source>
        <translation> (today)</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline_paint.py" line="72"/>
        <source>Stängt: {reason}</source>
        <translation>Closed: {reason}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/widgets/week_timeline_paint.py" line="183"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>WriteGuard</name>
    <message>
        <location filename="../../satellitkontor/gui/write_guard.py" line="36"/>
        <source>Går inte just nu: programmet har ingen kontakt med databasen.</source>
        <translation>Not possible right now: the program has no contact with the database.</translation>
    </message>
</context>
</TS>
