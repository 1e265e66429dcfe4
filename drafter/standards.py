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


# The same titles in French, for a memorandum drafted in French: the official French titles of
# the instruments (UN, Council of Europe, EU and African Court texts all have one); a work
# published only in English keeps its English title.
AUTHORITIES_FR: dict[str, str] = {
    "ICCPR-15": "Pacte international relatif aux droits civils et politiques, article 15 "
    "(pas d'infraction ni de peine sans loi antérieure)",
    "ICCPR-19-1": "Pacte international relatif aux droits civils et politiques, article 19, "
    "paragraphe 1 (droit de ne pas être inquiété pour ses opinions)",
    "ICCPR-19-3": "Pacte international relatif aux droits civils et politiques, article 19, "
    "paragraphe 3 (restrictions expressément fixées par la loi et nécessaires)",
    "ICCPR-20-2": "Pacte international relatif aux droits civils et politiques, article 20, "
    "paragraphe 2 (appel à la haine qui constitue une incitation à la discrimination, à "
    "l'hostilité ou à la violence)",
    "ICCPR-14-5": "Pacte international relatif aux droits civils et politiques, article 14, "
    "paragraphe 5 (examen de la déclaration de culpabilité et de la condamnation par une "
    "juridiction supérieure)",
    "GC34-25": "Comité des droits de l'homme des Nations Unies, observation générale n° 34 "
    "(2011), paragraphe 25 (précision, accessibilité, pas de pouvoir discrétionnaire illimité)",
    "GC34-33-35": "Comité des droits de l'homme des Nations Unies, observation générale n° 34 "
    "(2011), paragraphes 33 à 35 (nécessité, proportionnalité, lien direct et immédiat)",
    "GC34-47": "Comité des droits de l'homme des Nations Unies, observation générale n° 34 "
    "(2011), paragraphe 47 (l'emprisonnement n'est jamais une peine appropriée en matière de "
    "diffamation)",
    "GC34-49": "Comité des droits de l'homme des Nations Unies, observation générale n° 34 "
    "(2011), paragraphe 49 (lois qui pénalisent l'expression d'opinions sur des faits "
    "historiques)",
    "GENOCIDE-II": "Convention pour la prévention et la répression du crime de génocide (1948), "
    "article II (définition du génocide)",
    "GENOCIDE-IIIc": "Convention pour la prévention et la répression du crime de génocide "
    "(1948), article III, c) (incitation directe et publique à commettre le génocide)",
    "ICTR-INCITEMENT": "Tribunal pénal international pour le Rwanda, jurisprudence relative à "
    "l'incitation (Akayesu, 1998, par. 556 à 558 ; Nahimana et consorts, Chambre d'appel, 2007, "
    "par. 700 et 701, 1034 et 1035 ; Nyiramasuhuko et consorts, 2011, par. 5987)",
    "RABAT": "Plan d'action de Rabat sur l'interdiction de tout appel à la haine nationale, "
    "raciale ou religieuse qui constitue une incitation à la discrimination, à l'hostilité ou "
    "à la violence (2012)",
    "CAMDEN-12": "Principes de Camden sur la liberté d'expression et l'égalité (2009), "
    "principe 12 (incitation à la haine)",
    "EU-FD-2008-913": "Décision-cadre 2008/913/JAI du Conseil du 28 novembre 2008 sur la lutte "
    "contre certaines formes et manifestations de racisme et de xénophobie au moyen du droit "
    "pénal, article premier",
    "PERINCEK": "Cour européenne des droits de l'homme, Grande Chambre, Perinçek c. Suisse, "
    "n° 27510/08, arrêt du 15 octobre 2015",
    "INGABIRE": "Cour africaine des droits de l'homme et des peuples, Ingabire Victoire Umuhoza "
    "c. République du Rwanda, requête n° 003/2014, arrêt du 24 novembre 2017",
    "VENICE-ROL": "Commission européenne pour la démocratie par le droit (Commission de "
    "Venise), Liste des critères de l'État de droit (2016)",
    "HEALING": "Healing the Wounds: Speech, Identity and Reconciliation in Rwanda and Beyond "
    "(Cardozo Journal of International and Comparative Law, en anglais)",
}

TITLES = {"en": AUTHORITIES, "fr": AUTHORITIES_FR}


def authority_title(authority_id: str, language: str = "en") -> str:
    """Return the full title of an authority id in a language (English if it has none).

    Raise KeyError for an unknown id.
    """
    return TITLES.get(language, AUTHORITIES).get(authority_id) or AUTHORITIES[authority_id]


def is_known(authority_id: str) -> bool:
    """Return whether an id is one of the known authorities."""
    return authority_id in AUTHORITIES
