"""Word lists for the demo branch: Kota Kupang's districts, streets and people's names.

The 6 kecamatan and 51 kelurahan are Kota Kupang's real ones; the weights are rough
shares of connections, not statistics. Names are typical of Kupang (Timorese, Rotenese,
Sabu, Flores, Alor and general Indonesian) but every combination is fictional.
"""

from __future__ import annotations

# kecamatan → ((kelurahan, relative share of connections), ...), both in alphabetical order.
KECAMATAN: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = (
    ("Alak", (
        ("Alak", 40), ("Batuplat", 60), ("Fatufeto", 40), ("Mantasi", 30),
        ("Manulai II", 30), ("Manutapen", 40), ("Naioni", 15), ("Namosain", 50),
        ("Nunbaun Delha", 40), ("Nunbaun Sabu", 50), ("Nunhila", 30), ("Penkase Oeleta", 50),
    )),
    ("Kelapa Lima", (
        ("Kelapa Lima", 60), ("Lasiana", 50), ("Oesapa", 120), ("Oesapa Barat", 60),
        ("Oesapa Selatan", 50),
    )),
    ("Kota Lama", (
        ("Airmata", 30), ("Bonipoi", 30), ("Fatubesi", 30), ("Lahilai Bissi Kopan", 20),
        ("Merdeka", 20), ("Nefonaek", 30), ("Oeba", 35), ("Pasir Panjang", 40),
        ("Solor", 20), ("Tode Kisar", 15),
    )),
    ("Kota Raja", (
        ("Airnona", 50), ("Bakunase", 60), ("Bakunase II", 40), ("Fontein", 40),
        ("Kuanino", 40), ("Naikoten I", 40), ("Naikoten II", 30), ("Nunleu", 30),
    )),
    ("Maulafa", (
        ("Belo", 30), ("Fatukoa", 15), ("Kolhua", 40), ("Maulafa", 50), ("Naikolan", 40),
        ("Naimata", 30), ("Oepura", 70), ("Penfui", 70), ("Sikumana", 80),
    )),
    ("Oebobo", (
        ("Fatululi", 50), ("Kayu Putih", 70), ("Liliba", 90), ("Oebobo", 50),
        ("Oebufu", 80), ("Oetete", 40), ("Tuak Daun Merah", 60),
    )),
)

# Main roads by kecamatan; neighbourhood streets (COMMON_STREETS) are found all over town.
STREETS: dict[str, tuple[str, ...]] = {
    "Alak": ("Yos Sudarso", "M. Praja", "Pahlawan", "Oeleta Raya", "Waikelo",
             "Alfons Nisnoni"),
    "Kelapa Lima": ("Timor Raya", "Sam Ratulangi", "Soverdi", "Suratim"),
    "Kota Lama": ("Soekarno", "Ikan Tongkol", "Alor", "Urip Sumoharjo", "R.W. Monginsidi",
                  "Terusan Timor Raya", "Sumba", "Siliwangi", "Ahmad Yani", "Garuda"),
    "Kota Raja": ("El Tari", "Jenderal Sudirman", "Jenderal Soeharto", "Herewila", "Delima",
                  "Kenari", "Adisucipto"),
    "Maulafa": ("H.R. Koroh", "S.D. Laning", "Adisucipto", "Taebenu", "Teratai"),
    "Oebobo": ("W.J. Lalamentik", "Frans Seda", "Perintis Kemerdekaan", "El Tari", "Nangka",
               "Veteran", "Dua Lontar", "TDM", "Oehendak", "Cak Doko", "Palapa", "Piet A. Tallo"),
}
COMMON_STREETS = (
    "Kenanga", "Mawar", "Melati", "Flamboyan", "Cendana", "Kamboja", "Anggrek", "Bougenville",
    "Nusa Indah", "Asoka", "Manggis", "Jambu", "Srikaya", "Sirsak", "Lontar", "Cemara",
    "Beringin", "Merpati", "Rajawali", "Kakatua", "Perkutut", "Damai", "Kasih", "Sejahtera",
    "Gewang", "Kesambi", "Asam", "Kelor", "Nangka Dua", "Bakti",
)

MALE_NAMES = (
    "Yohanis", "Yohanes", "Yosef", "Yakobus", "Yulius", "Marthen", "Markus", "Matheus",
    "Petrus", "Paulus", "Simon", "Daniel", "Yeremias", "Agustinus", "Antonius", "Fransiskus",
    "Dominikus", "Kornelis", "Lukas", "Frederik", "Herman", "Melkianus", "Obed", "Ferdinand",
    "Alfred", "Benyamin", "Stefanus", "Wilhelmus", "Arnoldus", "Hendrik", "Nikolaus", "Elias",
    "Aleksander", "Samuel", "Yunus", "Oktovianus", "Gabriel", "Mikhael", "Adrianus", "Robert",
    "Piter", "Jefri", "Roni", "Ruben", "Abraham", "Isak", "Yesaya", "Zakarias", "Filipus",
    "Bernadus", "Kristoforus", "Maksimus", "Hironimus", "Gerson", "Efraim", "Yoakim", "Semuel",
    "Yance", "Imanuel", "Thobias",
)
FEMALE_NAMES = (
    "Maria", "Margaretha", "Yuliana", "Agustina", "Sarlina", "Elisabeth", "Martha", "Ester",
    "Debora", "Ribka", "Naomi", "Rut", "Yohana", "Susana", "Florida", "Fransiska", "Theresia",
    "Anastasia", "Katarina", "Magdalena", "Veronika", "Yosefina", "Marselina", "Lusia",
    "Novita", "Mersi", "Dorkas", "Selfiana", "Orpa", "Yasinta", "Kristina", "Nelci", "Imelda",
    "Sofia", "Adriana", "Antonia", "Matilda", "Oktavia", "Welmince", "Febriana", "Yublina",
    "Getruida", "Aplonia", "Dortea", "Rambu",
)
MUSLIM_MALE_NAMES = (
    "Muhammad", "Ahmad", "Abdul", "Hasan", "Ismail", "Umar", "Yusuf", "Rahmat", "Ridwan",
    "Syamsul", "Abubakar", "Salim", "Hamzah", "Jamaludin", "Arifin", "Burhan",
)
MUSLIM_FEMALE_NAMES = (
    "Siti", "Nurhayati", "Fatimah", "Aisyah", "Halimah", "Rahma", "Nurul", "Saodah",
    "Hadijah", "Zainab", "Maryam", "Hasnah",
)
MUSLIM_MALE_2 = ("Rahman", "Hasan", "Amir", "Idris", "Kadir", "Saleh", "Hamid", "Latif",
                 "Malik", "Syarif", "Ali", "Mansur")
MUSLIM_FEMALE_2 = ("Aminah", "Rahmawati", "Hasanah", "Nurjanah", "Safitri", "Maulida")
GENERAL_MALE_NAMES = ("Budi", "Agus", "Hendra", "Rudi", "Dedi", "Eko", "Wahyu", "Andi", "Rizky")
GENERAL_FEMALE_NAMES = ("Dewi", "Sri", "Rina", "Yanti", "Lina", "Ani", "Wati", "Indah")
GENERAL_SURNAMES = (
    "Santoso", "Wijaya", "Saputra", "Setiawan", "Hidayat", "Kurniawan", "Susanti", "Lestari",
    "Wahyuni", "Handayani", "Pratama", "Gunawan",
)

# Family names by origin; most of Kupang's customers carry one of them.
FAMILY_NAMES = (
    # Timor (Dawan, Helong, Tetun)
    "Tefa", "Nope", "Benu", "Bria", "Taneo", "Nubatonis", "Sae", "Tanaem", "Banunaek", "Kase",
    "Nomleni", "Bano", "Nisnoni", "Koroh", "Tafuli", "Neonbasu", "Seran", "Klau", "Atok",
    "Taek", "Oematan", "Selan", "Tunliu", "Boimau", "Taebenu", "Kolimon", "Funay", "Lasi",
    # Rote
    "Ndun", "Fanggidae", "Messakh", "Haning", "Dethan", "Manafe", "Ndoen", "Pah", "Mooy",
    "Lenggu", "Adoe", "Foenay", "Ndoe", "Pellokila", "Manu", "Tungga", "Toelle", "Henuk",
    "Pandie", "Ndolu", "Dillak", "Nalle", "Tanone", "Loudoe", "Amalo", "Ballo", "Tallo",
    # Sabu
    "Kana", "Kore", "Riwu", "Lado", "Rihi", "Bire", "Djami", "Wadu", "Huru", "Haba",
    "Bessie", "Laka", "Kale", "Ludji", "Dimu", "Hege", "Radja", "Tagi",
    # Flores and Solor
    "Da Costa", "Da Silva", "Fernandez", "Parera", "Lewar", "Kelen", "Koten", "Tukan",
    "Making", "Wangge", "Wea", "Goa", "Bataona", "Tokan", "Hurint", "Sogen", "Watu", "Dopo",
    "Rato", "Mbete", "Kewa", "Beda", "Openg", "Ruing",
    # Alor and others
    "Lay", "Maro", "Malaikosa", "Mautuka", "Lie", "Tanu",
)
TITLES = (", S.Pd.", ", S.H.", ", S.E.", ", S.Kep.", ", A.Md.", ", S.Sos.", ", S.T.")

BUSINESS_WORDS = (
    "Sinar Timor", "Flobamora", "Kasih", "Berkat", "Sumber Rejeki", "Karya Baru",
    "Harapan Jaya", "Anugerah", "Cahaya", "Lontar", "Sasando", "Timor Indah", "Bintang",
    "Mutiara", "Damai", "Maju Jaya", "Fajar", "Karang Indah", "Matahari", "Nusa Cendana",
)
SHOPS = ("Toko", "Kios", "Rumah Makan", "Depot Air", "Bengkel", "Laundry", "Apotek",
         "Warung Se'i", "Salon", "Penginapan")
FIRMS = ("CV", "UD", "PT", "Pabrik Es", "Percetakan")
CONGREGATIONS = ("Efata", "Betel", "Imanuel", "Sion", "Kaisarea", "Pniel", "Kanaan",
                 "Galilea", "Maranatha", "Ebenhaezer", "Tamariska", "Syalom")
MOSQUES = ("Al-Ikhlas", "Nurul Huda", "Al-Muttaqin", "At-Taqwa", "Al-Falah", "Baitul Rahman")
SAINTS = ("Yoseph", "Maria", "Antonius", "Fransiskus Xaverius", "Petrus", "Yohanes")

PHONE_PREFIXES = ("0812", "0813", "0821", "0822", "0823", "0852", "0853", "0811", "0851",
                  "0857", "0878", "0819")
METER_BRANDS = ("LF", "BR", "AM", "IT", "SH")
