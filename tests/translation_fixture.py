"""A small Arabic translation of the tiny project's worksheet (tiny_project.py), for tests."""
from __future__ import annotations

from pathlib import Path

LANGUAGE = """\
naam: العربية
naam_nl: Arabisch
richting: rtl
nagekeken: nee
leefgebieden:
  wonen: السكن والأمان
teksten:
  instructie: هكذا تملأ الورقة
  naam: الاسم
  datum: التاريخ
  datum_hint: يوم / شهر / سنة
  nr: رقم
  rij: "الصف {n}"
  rij_toevoegen: أضف صفاً
  verwijderen: احذف
  voorlezen: اقرأ بصوت عالٍ
  stop_voorlezen: توقف عن القراءة
  geen_stem: لا يوجد على هذا الجهاز صوت يقرأ هذه اللغة.
  niet_nagekeken: لم يراجع هذه الترجمة بعد شخص لغته الأم هي هذه اللغة.
  nagekeken: راجع هذه الترجمة شخص لغته الأم هي هذه اللغة.
  pagina: صفحة
  van: من
  kaart_ik: أنا
  kaart_lijst: من يوجد وأين على الخريطة
  kaart_naam: الاسم الأول أو الدور
  kaart_kring: الدائرة
  kaart_vak: الجزء
  kaart_kies: (اختر)
  kaart_toevoegen: إضافة شخص
  kaart_privacy: اكتب الاسم الأول فقط.
"""

SHEET = """\
versie: 1
nagekeken: nee
titel: ورقة تجريبية
instructie: املأ الورقة.
velden:
  doel:
    label: ماذا تريد؟
  cijfer:
    label: كيف حالك؟
    links: سيئ
"""


def add_arabic(project: Path, sheet: str = SHEET, language: str = LANGUAGE) -> Path:
    folder = project / "worksheets" / "vertalingen" / "ar"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_taal.yml").write_text(language, encoding="utf-8")
    (folder / "proef.yml").write_text(sheet, encoding="utf-8")
    return folder
