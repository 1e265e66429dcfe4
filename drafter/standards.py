"""The authorities that clauses and rules cite, by the ids of STANDARDS.md."""

from __future__ import annotations

# id -> full title, as the memorandum and the findings print them.
AUTHORITIES: dict[str, str] = {
    "ICCPR-15": "International Covenant on Civil and Political Rights, article 15 "
    "(no crime or penalty without prior law)",
    "ICCPR-19-1": "International Covenant on Civil and Political Rights, article 19(1) "
    "(the right to hold opinions without interference)",
    "ICCPR-19-3": "International Covenant on Civil and Political Rights, article 19(3) "
    "(restrictions only as provided by law and necessary)",
    "ICCPR-20-2": "International Covenant on Civil and Political Rights, article 20(2) "
    "(advocacy of hatred that constitutes incitement to discrimination, hostility or violence)",
    "ICCPR-14-5": "International Covenant on Civil and Political Rights, article 14(5) "
    "(review of a conviction and sentence by a higher tribunal)",
    "GC34-25": "UN Human Rights Committee, General Comment No. 34 (2011), paragraph 25 "
    "(precision, accessibility, no unfettered discretion)",
    "GC34-33-35": "UN Human Rights Committee, General Comment No. 34 (2011), paragraphs 33-35 "
    "(necessity, proportionality, direct and immediate connection)",
    "GC34-47": "UN Human Rights Committee, General Comment No. 34 (2011), paragraph 47 "
    "(imprisonment never appropriate for defamation)",
    "GC34-49": "UN Human Rights Committee, General Comment No. 34 (2011), paragraph 49 "
    "(laws penalising opinions about historical facts)",
    "GENOCIDE-II": "Convention on the Prevention and Punishment of the Crime of Genocide (1948), "
    "article II (definition of genocide)",
    "GENOCIDE-IIIc": "Convention on the Prevention and Punishment of the Crime of Genocide (1948), "
    "article III(c) (direct and public incitement to commit genocide)",
    "ICTR-INCITEMENT": "International Criminal Tribunal for Rwanda, case law on incitement "
    "(Akayesu, 1998, paras 556-558; Nahimana et al., Appeals Chamber, 2007, paras 700-701 and "
    "1034-1035; Nyiramasuhuko et al., 2011, para 5987)",
    "RABAT": "Rabat Plan of Action on the prohibition of advocacy of national, racial or "
    "religious hatred that constitutes incitement to discrimination, hostility or violence "
    "(2012)",
    "CAMDEN-12": "Camden Principles on Freedom of Expression and Equality (2009), principle 12 "
    "(incitement to hatred)",
    "EU-FD-2008-913": "Council Framework Decision 2008/913/JHA of 28 November 2008 on combating "
    "certain forms and expressions of racism and xenophobia by means of criminal law, article 1",
    "PERINCEK": "European Court of Human Rights, Grand Chamber, Perinçek v. Switzerland, "
    "no. 27510/08, judgment of 15 October 2015",
    "INGABIRE": "African Court on Human and Peoples' Rights, Ingabire Victoire Umuhoza v. "
    "Republic of Rwanda, application no. 003/2014, judgment of 24 November 2017",
    "VENICE-ROL": "European Commission for Democracy through Law (Venice Commission), "
    "Rule of Law Checklist (2016)",
    "HEALING": "Healing the Wounds: Speech, Identity and Reconciliation in Rwanda and Beyond "
    "(Cardozo Journal of International and Comparative Law)",
}


def authority_title(authority_id: str) -> str:
    """Return the full title of an authority id; raise KeyError for an unknown id."""
    return AUTHORITIES[authority_id]


def is_known(authority_id: str) -> bool:
    """Return whether an id is one of the known authorities."""
    return authority_id in AUTHORITIES
