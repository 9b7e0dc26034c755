<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AdminView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/admin_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/admin_view.py" line="21" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>BookView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/book_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/book_view.py" line="21" />
        <source>Boka plats</source>
        <translation>Book a desk</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/day_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/day_view.py" line="21" />
        <source>Dagsöversikt</source>
        <translation>Day overview</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="25" />
        <source>Något oväntat hände ({kind}). Ingenting sparades. Detaljerna finns i loggfilen.</source>
        <translation>Something unexpected happened ({kind}). Nothing was saved. The details are in the log file.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/errors.py" line="34" />
        <source>Det gick inte</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="34" />
        <source>Vem är du?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="40" />
        <source>Satellitkontoret behöver veta vem som bokar. Välj dig själv i listan, eller fyll i dina uppgifter om du är ny här.</source>
        <translation>The satellite office needs to know who is booking. Pick yourself in the list, or fill in your details if you are new here.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="47" />
        <source>&amp;Jag finns i listan</source>
        <translation>&amp;I am in the list</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="48" />
        <source>Jag är &amp;ny här</source>
        <translation>I am &amp;new here</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="51" />
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="60" />
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="63" />
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="67" />
        <source>Kommun</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="72" />
        <source>Jag är</source>
        <translation>I am</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="80" />
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="81" />
        <source>&amp;E-post:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="82" />
        <source>&amp;Kommun:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="83" />
        <source>Jag är &amp;en:</source>
        <translation>I am &amp;a:</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/dialogs/identity_dialog.py" line="96" />
        <source>Fortsätt</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="52" />
        <source>Satellitkontoret – Umeåregionen</source>
        <extracomment>The user chose another language: the app rebuilds the window in it. "Byt användare…" and "Skapa demokontor…" from the menu; the app handles them.</extracomment>
        <translation>Satellite office – Umeåregionen</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="57" />
        <source>Vyer</source>
        <translation>Views</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="87" />
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="88" />
        <source>&amp;Byt användare…</source>
        <translation>&amp;Switch user…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="90" />
        <source>Skapa &amp;demokontor…</source>
        <translation>Create &amp;demo office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="93" />
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="97" />
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="104" />
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="108" />
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="169" />
        <source>Ingen vald användare</source>
        <translation>No user chosen</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/main_window.py" line="172" />
        <source>{name}, {municipality} ({role})</source>
        <translation>{name}, {municipality} ({role})</translation>
    </message>
</context>
<context>
    <name>MyBookingsView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/my_bookings_view.py" line="21" />
        <source>Mina bokningar</source>
        <translation>My bookings</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../satellitkontor/gui/operations.py" line="189" />
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/room_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/room_view.py" line="21" />
        <source>Konferensrum</source>
        <translation>Conference room</translation>
    </message>
</context>
<context>
    <name>RotationView</name>
    <message>
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="18" />
        <location filename="../../satellitkontor/gui/views/rotation_view.py" line="21" />
        <source>Värdkommun</source>
        <translation>Host municipality</translation>
    </message>
</context>
<context>
    <name>self.window</name>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="63" />
        <source>Öppnar kontoret…</source>
        <extracomment>Set by the start-up benchmark: print timings and quit once the first view shows its data.</extracomment>
        <translation>Opening the office…</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="85" />
        <source>Databas: {where}</source>
        <translation>Database: {where}</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="106" />
        <source>Skapa demokontor?</source>
        <translation>Create a demo office?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="109" />
        <source>Databasen är tom. Vill du skapa ett demokontor med påhittade personer från de sju kommunerna och bokningar några veckor bakåt och framåt, så att du kan pröva programmet?</source>
        <translation>The database is empty. Do you want to create a demo office with made-up people from the seven municipalities and bookings a few weeks back and ahead, so that you can try the program?</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="114" />
        <source>Du kan ta bort demodatabasen senare. Ett riktigt kontor börjar tomt.</source>
        <translation>You can delete the demo database later. A real office starts empty.</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="116" />
        <source>Skapa demokontor</source>
        <translation>Create demo office</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="117" />
        <source>Börja tomt</source>
        <translation>Start empty</translation>
    </message>
    <message>
        <location filename="../../satellitkontor/gui/app.py" line="142" />
        <source>Skapar demokontoret…</source>
        <translation>Creating the demo office…</translation>
    </message>
</context>
</TS>