// Writes test/fixtures/generated/: stand-ins for the shared samples whose licence does not allow
// copying them into the repository (see test/fixtures/SOURCES.md). Each keeps the shape of the
// file it replaces (dialect, encoding, line ends, header layout, cell types and formats, merges)
// with invented content, so that the sample tests keep checking the same reading problems.
// Deterministic: run it again and the files come out the same (`npx tsx test/support/generate-fixtures.ts`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';

const outDir = join(import.meta.dirname, '..', 'fixtures', 'generated');
mkdirSync(outDir, { recursive: true });

// A small seeded generator (mulberry32): the same seed gives the same files.
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  };
}

const digits = (random: ReturnType<typeof seeded>, count: number) =>
  Array.from({ length: count }, (_, i) => String(random.int(i === 0 ? 1 : 0, 9))).join('');

function writeText(name: string, lines: string[], options: { encoding?: string; crlf?: boolean; bom?: boolean } = {}) {
  const text = (options.bom ? '\uFEFF' : '') + lines.join(options.crlf ? '\r\n' : '\n') + (options.crlf ? '\r\n' : '\n');
  writeFileSync(join(outDir, name), options.encoding ? iconv.encode(text, options.encoding) : text);
}

type Cell = XLSX.CellObject | null;
interface SheetSpec {
  name: string;
  rows: Cell[][];
  merges?: XLSX.Range[];
}

const s = (v: string, z?: string): XLSX.CellObject => ({ t: 's', v, ...(z ? { z } : {}) });
const n = (v: number, z?: string): XLSX.CellObject => ({ t: 'n', v, ...(z ? { z } : {}) });
// An empty cell that still carries a format, as templates leave them.
const styled = (z: string): XLSX.CellObject => ({ t: 'z', z });

function writeWorkbook(name: string, bookType: XLSX.BookType, sheets: SheetSpec[]) {
  const workbook = XLSX.utils.book_new();
  for (const sheet of sheets) {
    const worksheet: XLSX.WorkSheet = {};
    let width = 0;
    sheet.rows.forEach((row, r) => {
      width = Math.max(width, row.length);
      row.forEach((cell, c) => {
        if (cell) worksheet[XLSX.utils.encode_cell({ r, c })] = cell;
      });
    });
    worksheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(sheet.rows.length - 1, 0), c: Math.max(width - 1, 0) } });
    if (sheet.merges) worksheet['!merges'] = sheet.merges;
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  }
  // Fixed dates in the document properties, so that the bytes do not change from run to run.
  workbook.Props = { CreatedDate: new Date(Date.UTC(2024, 0, 1)), ModifiedDate: new Date(Date.UTC(2024, 0, 1)) };
  writeFileSync(join(outDir, name), XLSX.write(workbook, { type: 'buffer', bookType, bookSST: bookType === 'xlsx', compression: true }));
}

// --- CSV files ---------------------------------------------------------------------------

// decp/exemple-valide.csv: comma, dotted column names, quoted SIRET/CPV codes, one row per
// contract holder, a date with trailing spaces.
const decpHeader =
  'id,uid,acheteur.id,acheteur.nom,nature,objet,codeCPV,procedure,lieuExecution.code,lieuExecution.typeCode,lieuExecution.nom,dureeMois,dateNotification,datePublicationDonnees,montant,formePrix,titulaire.id,titulaire.typeIdentifiant,titulaire.denominationSociale,objetModification,donneesActuelles';
writeDecpCsv();
function writeDecpCsv() {
  const row = (id: string, months: number, notified: string, published: string, holder: string, holderName: string, change: string, current: number) =>
    `"${id}","21440109300015${id}","21440109300015",Commune de Kerbrient,Marché,"Entretien des espaces verts, lot 2 : tonte et taille","77310000",Procédure adaptée,"44109",Code commune,Kerbrient,${months},${notified},${published},14250.40,Forfaitaire,"${holder}",SIRET,${holderName},${change},${current}`;
  writeText('decp-marches.csv', [
    decpHeader,
    row('202300012345600', 12, '2023-03-14', '2023-03-20', '51234567800019', 'Jardins du Bocage', '', 0),
    row('202300012345600', 12, '2023-03-14', '2023-03-20', '79876543200027', 'Paysages et Cie', '', 0),
    row('202300012345601', 18, '2023-09-02', '2023-09-11  ', '51234567800019', 'Jardins du Bocage', 'Prolongation de six mois.', 1),
    row('202300012345601', 18, '2023-09-02', '2023-09-11', '79876543200027', 'Paysages et Cie', 'Prolongation de six mois.', 1),
  ]);
}

// equipements-collectifs-futurocite/exemple-valide.csv: every field quoted, JSON with doubled
// quotes, "true"/"false", ISO dates.
writeText('equipements-collectifs.csv', [
  '"id","name","description","municipality","ins_code","zone_address","ins_zone_address","street_name","street_number","street_number_rrn","house_number","distance","coordinates","geometry","location_details","picture","disabled_access","schedule","type","type_details","status","installation_date","last_maintenance_date","provider","paying","created_date","last_modified_date"',
  '"29042-00317","Banc public","Banc en bois près de l\'étang","Kerbrient","29042","Le Bourg","29042A","Rue de l\'Étang","4410021","1207","12","7.25","{""coordinates"": [-4.1021, 48.0125], ""type"": ""Point""}","{""coordinates"": [[-4.1021, 48.0125], [-4.1019, 48.0128]], ""type"": ""LineString""}","Face au lavoir (à côté de la table de pique-nique)","https://example.org/images/banc-317.jpg","true","Mo-Su 00:00-24:00","Mobilier urbain","Banc","Disponible","2019-04-18","2023-10-02","Commune de Kerbrient","false","2020-01-07","2023-10-03"',
]);

// irve-v2/exemple-valide-statique.csv: the IRVE 2.x header, comma, booleans, a quoted
// coordinate pair and quoted opening hours with commas.
writeText('irve-statique.csv', [
  'nom_amenageur,siren_amenageur,contact_amenageur,nom_operateur,contact_operateur,telephone_operateur,nom_enseigne,id_station_itinerance,id_station_local,nom_station,implantation_station,adresse_station,code_insee_commune,coordonneesXY,nbre_pdc,id_pdc_itinerance,id_pdc_local,puissance_nominale,prise_type_ef,prise_type_2,prise_type_combo_ccs,prise_type_chademo,prise_type_autre,gratuit,paiement_acte,paiement_cb,paiement_autre,tarification,condition_acces,reservation,horaires,accessibilite_pmr,restriction_gabarit,station_deux_roues,raccordement,num_pdl,date_mise_en_service,observations,date_maj,cable_t2_attache',
  'Syndicat Départemental d\'Énergie,200012345,contact@sde-exemple.fr,Recharge Ouest,support@recharge-ouest.example,299000000,Bornes du Bocage,FRX29P29042001,,Mairie,Voirie,2 place de la Mairie 29042 Kerbrient,29042,"[-4.10210000,48.012500]",2,FRX29E290420011,,22,true,true,false,false,false,false,true,true,false,0.35€ / kWh,Accès libre,false,"Mo-Fr 07:00-20:00,Sa 08:00-12:00",Réservé PMR,Hauteur maximale 2.10m,false,Direct,98765432109876,2021-06-01,,2023-11-15,true',
  'Syndicat Départemental d\'Énergie,200012345,contact@sde-exemple.fr,Recharge Ouest,support@recharge-ouest.example,299000000,Bornes du Bocage,FRX29P29042002,,Salle des sports,Parking public,8 rue du Stade 29042 Kerbrient,29042,"[-4.09870000,48.015010]",2,FRX29E290420021,,7,true,true,false,false,false,true,false,false,false,,Accès réservé,false,"Mo-Su 00:00-24:00",Accessible mais non réservé PMR,Inconnu,true,Indirect,98765432109877,2022-02-10,Gratuit pour les adhérents,2023-11-15,false',
]);

// pii/rdvi-fichier_contact_test_priorite_nir.csv: FAKE beneficiary contacts, semicolon,
// upper-case headers, NIR, dd/mm/yyyy dates, phone numbers without their leading zero.
writeText('contacts-allocataires.csv', [
  'MATRICULE;ROLE PERSONNE;TYPE PERSONNE;NIR;NUMERO DEMANDE RSA;DATE DEMANDE RSA;DATE DEBUT DROITS - DEVOIRS;NOM RESPONSABLE DOSSIER;PRENOM RESPONSABLE DOSSIER;NUMERO TELEPHONE DOSSIER;NUMERO TELEPHONE 2 DOSSIER;ADRESSE ELECTRONIQUE DOSSIER;TAGS',
  'XKPLQRT;DEMANDEUR;MADAME;299017512345678;2045118907;03/02/2020;01/03/2020;FICTIF;CAMILLE;612345678;;camille.fictif@example.fr;Prioritaire',
  'XKPLQRT;CONJOINT;MONSIEUR;188127512345612;2045118907;03/02/2020;01/03/2020;FICTIF;CAMILLE;698765432;298765432;dossier.fictif@example.fr;',
]);

// real/validata-irve_accent_valide.csv: the IRVE 1.x header with an accented name, semicolon,
// dates as 2018/3/31 without zero padding.
writeText('irve-v1-accents.csv', [
  'n_amenageur;n_operateur;n_enseigne;id_station;n_station;ad_station;code_insee;Xlongitude;Ylatitude;nbre_pdc;id_pdc;puiss_max;type_prise;acces_recharge;accessibilité;observations;date_maj',
  'AAA;BBB;CCC;FR*X29*P*CCC*1*_*_*_;Parking de la gare;Rue de la Gare;01053;5.22541;46.20583;2;FR*X29*E*CCC*1*1*1*_;22.0;T2 - E/F;Payant (badge ou application);7j/7 6h-22h;néant;2019/11/05',
  'AAA;BBB;CCC;FR*X29*P*CCC*1*_*_*_;Parking de la gare;Rue de la Gare;01053;5.22541;46.20583;2;FR*X29*E*CCC*1*1*2*_;22.0;T2 - E/F;Payant (badge ou application);7j/7 6h-22h;néant;2019/1/5',
]);

// real/validata-sample_with_bom.csv: street trees, UTF-8 with BOM, CRLF, semicolon, 26 columns,
// doubled quotes in a quoted name, many empty trailing cells.
writeText(
  'arbres-bom-crlf.csv',
  [
    'id;longitude;latitude;famille_arbre;genre_arbre;espece_arbre;cultivar_variete_arbre;nom_vernaculaire;code_insee;code_postal;adresse;matricule_arbre;date_plantation;hauteur;diametre;type_sol;type_enracinement;port_arbre;arbre_remarquable;arbre_protege;contraintes_sol;contrainte_aeriennes;eclairage;arrosage;allergie;remarque',
    '1;-1.5536;47.2184;Betulaceae;Betula;pendula;;Bouleau verruqueux;44109;44000;3 quai de la Fosse;440001;2015-11-20;850;31;Limoneux;Traçant;Libre;Non;Non;;;Oui;Aucun;4;',
    '2;-1.5571;47.2173;Malvaceae;Tilia;cordata;greenspire;"Tilleul ""greenspire""";44109;44100;18 rue de la Ville;2001TilCor441001;2001-03-12;1200;54;Argileux;Oblique;Tige;Non;Oui;Fosse étroite;Ligne aérienne;Non;;;écorce blessée',
    '3;-1.5502;47.2201;Fagaceae;Quercus;robur;;Chêne pédonculé;44109;44000;Parc de Procé;;1950-01-01;;;;;;Oui;Oui;;;Oui;;1;arbre centenaire',
    '4;-1.5488;47.2159;Oleaceae;Fraxinus;excelsior;;Frêne commun;44109;44200;7 allée des Tanneurs;;;;;Sableux;Pivotant;Cépée;Non;Non;;;;;;',
  ],
  { crlf: true, bom: true },
);

// subventions-misc/format-subventions-2017-exemple.csv: the 2017 subsidy format, comma, "_" as
// the range separator, a multi-valued nature with a semicolon inside a comma file.
writeText('subventions-format-2017.csv', [
  'nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention',
  'Commune de Kerbrient,21290042000013,2018-02-12,DCM-2018-04,Atelier Vélo Solidaire,83456789100014,Aide au démarrage,12500.40,aide en numéraire;aide en nature,unique,2018-03-01_2018-12-31,54321,non,0.6',
  'Commune de Kerbrient,21290042000013,2018-02-12,DCM-2018-04,Ressourcerie du Bourg,80123456700022,Aide au démarrage,8333.60,aide en numéraire;aide en nature,unique,2018-03-01_2018-12-31,54321,non,0.4',
]);

// subventions-misc/validata-*.csv: one SCDL subsidy row, with and without a beneficiary id.
const subventionRow = (idBeneficiaire: string, rna: string | null) =>
  `VILLENEUVE-SUR-ODET,21290099900017,2016-05-23,DELIB N° 2016-041 2016-05-10,FOYER LAÏQUE DE VILLENEUVE ,${idBeneficiaire},${rna === null ? '' : `${rna},`}Fonctionnement,45210.35,aide en numéraire,échelonné,2016-06-01/2016-12-15,,non,0.12`;
writeText('subventions-sans-beneficiaire.csv', [
  'nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention',
  subventionRow('', ''),
]);
writeText('subventions-valide.csv', [
  'nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention',
  subventionRow('43812345600018', null),
]);

const associations = ['CLUB DE VOILE', 'AMICALE LAIQUE', 'COMITE DES FETES', 'UNION MUSICALE', 'FOYER RURAL', 'ASS SPORTIVE JUDO', 'ECOLE PRIVEE ST JOSEPH', 'FEDERATION ANIMATION RURALE', 'MAISON FAMILIALE RURALE', 'ASSOCIATION DES PARENTS D ELEVES'];
const places = ['DE KERBRIENT', 'DU BOCAGE', 'DE LA VALLEE', 'DU LITTORAL', 'DES TROIS RIVIERES', 'DU PAYS BLANC'];

// real/pdl-loire-atlantique-subventions-associations.csv (18,000 rows there, 300 here): UTF-8,
// semicolon, CRLF, human-label headers with a curly apostrophe, the convention date holding only
// a year, a 9-digit SIREN where a SIRET is expected, amounts as 250.0.
writeDepartementCsv();
function writeDepartementCsv() {
  const random = seeded(44);
  const header =
    "Nom de l'attribuant;Identification de l'attribuant;Date de la convention de subvention;Référence de la décision;Nom du bénéficiaire;Identification du bénéficiaire;Objet de la subvention;Montant total de la subvention;Nature de la subvention;Conditions de versement de la subvention;Date ou période de versement;Identifiant RAE de l’aide au titre de laquelle la subvention est attribuée;Aide d'Etat notifiée à la Commission Européenne;Pourcentage du montant total de la subvention attribuée au bénéficiaire;Montant du prêt;Montant de la garantie;Détail des avantages en nature;Estimation des avantages en nature";
  const lines = [header, 'Département du Bocage;22990001200017;2014;;CLUB DE VOILE DE LA POINTE;452474562;;250.0;aide en numéraire;;2014;;;1;;;;'];
  for (let i = 1; i < 300; i++) {
    const year = String(random.int(2008, 2016));
    const amount = random.int(0, 3) === 0 ? `${random.int(100, 40000)}.${String(random.int(1, 99)).padStart(2, '0')}` : `${random.int(1, 400) * 50}.0`;
    lines.push(`Département du Bocage;22990001200017;${year};;${random.pick(associations)} ${random.pick(places)};${digits(random, 9)};;${amount};aide en numéraire;;${year};;;1;;;;`);
  }
  writeText('subventions-departement.csv', lines, { crlf: true });
}

// real/pdl-vendee-2017-subventions.csv: Windows-1252, CRLF, a comma delimiter with unquoted
// "24 975,00" amounts, so every row has one cell too many.
writeVirguleCsv();
function writeVirguleCsv() {
  const random = seeded(85);
  const lines = ['nomAttribuant,idAttribuant,dateConvention,referenceDecision,idBeneficiaire,nomBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,IdRAE,notificationUE,pourcentageSubvention'];
  const objets = ['Travaux de rénovation de la salle polyvalente', 'Extension de la maison de santé', 'Réhabilitation du foyer-logement', "Création d'une crèche associative"];
  lines.push('Conseil Départemental du Bocage,22990001200017,2017-09-08,2-11,39830048300011,Association Les Tilleuls,Travaux de rénovation de la salle polyvalente  Kerbrient,24 975,00,aide en numéraire,acompte de 20 % au début des travaux. Solde sur présentation des factures,2017-09-30_2021-06-30,,non,1');
  for (let i = 1; i < 12; i++) {
    const euros = random.int(2, 250) * 1000 + random.int(0, 999);
    const amount = `${Math.floor(euros / 1000)} ${String(euros % 1000).padStart(3, '0')},${String(random.int(0, 99)).padStart(2, '0')}`;
    lines.push(`Conseil Départemental du Bocage,22990001200017,2017-${String(random.int(9, 12)).padStart(2, '0')}-${String(random.int(10, 28))},IV-A,${digits(random, 14)},${random.pick(['Association', 'EHPAD', 'Foyer'])} ${random.pick(['Saint-Gabriel', 'Les Tilleuls', 'Le Moulin', 'Ty Glaz'])},${random.pick(objets)},${amount},aide en numéraire,versement en deux fois,2017-12-31_2019-06-30,,non,1`);
  }
  writeText('subventions-virgule.csv', lines, { encoding: 'windows-1252', crlf: true });
}

// real/plf2016-nomenclature-mpa.csv: Windows-1252, semicolon, CRLF, programme and action codes
// with leading zeros ("01") that must stay text.
writeNomenclatureCsv();
function writeNomenclatureCsv() {
  const missions: [string, [string, string][]][] = [
    ["Action extérieure de l'État", [['105', 'Action de la France en Europe et dans le monde'], ['151', "Français à l'étranger et affaires consulaires"]]],
    ['Agriculture, alimentation, forêt et affaires rurales', [['149', "Compétitivité et durabilité de l'agriculture"], ['206', "Sécurité et qualité sanitaires de l'alimentation"]]],
    ['Culture', [['131', 'Création'], ['175', 'Patrimoines'], ['224', 'Transmission des savoirs et démocratisation de la culture']]],
    ['Écologie, développement et mobilité durables', [['113', 'Paysages, eau et biodiversité'], ['181', 'Prévention des risques'], ['203', 'Infrastructures et services de transports']]],
    ['Enseignement scolaire', [['140', 'Enseignement scolaire public du premier degré'], ['141', 'Enseignement scolaire public du second degré']]],
  ];
  const actions = ['Pilotage et soutien', 'Études et évaluation', 'Subventions aux opérateurs', 'Investissements', 'Actions territoriales', 'Dépenses de personnel', 'Fonctionnement courant', 'Coopération européenne', 'Réseau déconcentré'];
  const lines = ['Phase;Type de mission;Mission;Code Programme;Programme;Code Action;Action'];
  for (const [mission, programmes] of missions) {
    for (const [code, programme] of programmes) {
      actions.forEach((action, i) => lines.push(`PLF 2016;Budget général;${mission};${code};${programme};${String(i + 1).padStart(2, '0')};${action}`));
    }
  }
  writeText('nomenclature-programmes.csv', lines, { encoding: 'windows-1252', crlf: true });
}

// --- Spreadsheets ------------------------------------------------------------------------

// dae/dae_test.xlsx: every cell text-formatted ("@"), coordinates as text, a postcode stored
// as a number, oui/non booleans, 43 columns.
const daeHeader = 'nom lat_coor1 long_coor1 adr_num adr_voie com_cp com_insee com_nom acc acc_lib acc_pcsec acc_acc acc_etg acc_complt photo1 photo2 disp_j disp_h disp_complt tel1 tel2 site_email date_instal etat_fonct fab_siren fab_rais mnt_siren mnt_rais modele num_serie id_euro lc_ped dtpr_lcped dtpr_lcad dtpr_bat freq_mnt dispsurv dermnt expt_siren expt_rais expt_tel1 expt_tel2 expt_email'.split(' ');
const daeValues: (string | number | null)[] = [
  'DAE', '48.01253318542271', '-4.102145003412985', '2, place de la Mairie', null, 29042, null, 'KERBRIENT', 'Extérieur', 'oui', 'non', 'oui', 0, null, null, null,
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche', '24h/24', '00:00-23:59', '+33299000000', null, 'mairie@kerbrient.example', null, 'En fonctionnement', null, 'FABRICANT',
  null, null, 'Modèle 3000', 'SN-00042', null, 'non', null, '2024-03-01', null, '1 fois par an', null, '2023-09-15', '000000000', 'EXPLOITANT', '+33299000001', null, 'dae@example.fr',
];
writeWorkbook('dae-texte.xlsx', 'xlsx', [
  {
    name: 'Feuille1',
    rows: [daeHeader.map((h) => s(h, '@')), daeValues.map((v) => (v === null ? styled('@') : typeof v === 'number' ? n(v, '@') : s(v, '@')))],
  },
]);

// decp/exemple-valide.{xlsx,ods,xls}: the same contracts as the CSV; the codes as text-formatted
// strings, and in the .ods and .xls (older revision) the buyer's SIRET as a plain number.
writeDecpWorkbooks();
function writeDecpWorkbooks() {
  const header = decpHeader.split(',').map((h) => s(h));
  const contract = (id: string, months: number, notified: string, published: string, holder: string, holderName: string, change: string | null, current: number): Cell[] => [
    s(id, '@'), s(`21440109300015${id}`, '@'), s('21440109300015', '@'), s('Commune de Kerbrient'), s('Marché'),
    s('Entretien des espaces verts, lot 2 : tonte et taille'), s('77310000', '@'), s('Procédure adaptée'), s('44109', '@'), s('Code commune'), s('Kerbrient'),
    n(months), s(notified, '@'), s(published, '@'), s('14250.40'), s('Forfaitaire'), s(holder, '@'), s('SIRET'), s(holderName), change === null ? null : s(change), n(current),
  ];
  writeWorkbook('decp-marches.xlsx', 'xlsx', [
    {
      name: 'exemple-valide',
      rows: [
        header,
        contract('202300012345600', 12, '2023-03-14', '2023-03-20', '51234567800019', 'Jardins du Bocage', null, 0),
        contract('202300012345600', 12, '2023-03-14', '2023-03-20', '79876543200027', 'Paysages et Cie', null, 0),
        contract('202300012345601', 18, '2023-09-02', '2023-09-11  ', '51234567800019', 'Jardins du Bocage', 'Prolongation de six mois.', 1),
        contract('202300012345601', 18, '2023-09-02', '2023-09-11', '79876543200027', 'Paysages et Cie', 'Prolongation de six mois.', 1),
      ],
    },
  ]);
  // The older revision: 19 columns, one row, the SIRETs and the commune code as numbers, and
  // (in the .xls) a uid with a trailing space.
  const older = (uid: string): Cell[] => [
    s('202300012345600', '@'), s(uid, '@'), n(21440109300015), s('Commune de Kerbrient'), s('Marché'), s('Entretien des espaces verts'),
    s('77310000', '@'), s('Procédure adaptée'), n(44109, '@'), s('Code commune'), s('Kerbrient'), n(12), s('2023-03-14', '@'), s('2023-03-20', '@'),
    s('14250.40'), s('Forfaitaire'), n(51234567800019, '@'), s('SIRET'), s('Jardins du Bocage'),
  ];
  writeWorkbook('decp-marches.ods', 'ods', [{ name: 'exemple-valide', rows: [header.slice(0, 19), older('21440109300015202300012345600')] }]);
  writeWorkbook('decp-marches.xls', 'xls', [{ name: 'exemple-valide', rows: [header.slice(0, 19), older('21440109300015202300012345600 ')] }]);
}

// equipements-collectifs-futurocite/Schema_equipements_collectifs_gabarit.xlsx: a template
// with its header only and a formatted, empty row below.
writeWorkbook('gabarit-vide.xlsx', 'xlsx', [
  {
    name: 'Feuil1',
    rows: [
      'id name description municipality ins_code zone_address ins_zone_address street_name street_number street_number_rrn house_number distance coordinates geometry location_details picture disabled_access schedule type type_details status installation_date last_maintenance_date provider paying created_date last_modified_date'
        .split(' ')
        .map((h) => s(h)),
      [styled('General'), null, null, null, styled('0.00')],
    ],
  },
]);

// pii/rdvi-fichier_usager_test.xlsx: a FAKE beneficiary list (RSA template): multi-line
// headers, a tab in one, a real date cell, a postcode + town with a trailing space, the NIR
// and the phone number as numbers (the phone with a spaced format), money formats, and a
// couple of hundred formatted empty rows below the one person.
writeUsagersWorkbook();
function writeUsagersWorkbook() {
  const headers = ['N° Allocataire', 'Civilité', 'Nom bénéficiaire', 'Prénom bénéficiaire', 'Date de\nNaissance', 'Adresse', 'CP Ville', 'Complément adresse', 'Rôle', 'ID IODAS\t', 'PA', 'NIR', 'ID pôle Emploi', 'Adresses\nMails', 'N°\nTéléphones', 'Structure', 'DECISION ORIENTATION', 'Date envoie du courrier', 'Reçu en entretien le :', 'Heure du rdv', 'Lieu du rdv', "Chargé d'orientation", "Modalité de l'entretien", '1er RDV structure', 'Délai RDV', 'Date CER', 'Délai CER', 'Réorientations', 'Tags'];
  const money = '#,##0.00" €"';
  const phone = '##" "##" "##" "##" "#0';
  const formats = ['@', '@', '@', '@', 'd/m/yyyy', '@', '@', '@', '@', money, money, 'General', 'General', 'General', phone, 'General', 'General', 'd/m/yyyy', 'dd/mm/yy', 'General', 'General', 'General', 'General', 'd/m/yyyy'];
  const person: Cell[] = [
    s('XKPLQRT', '@'), s('Madame', '@'), s('Fictif', '@'), s('Camille', '@'), n(31413, 'd/m/yyyy'), s('12 RUE DES LILAS', '@'), s('29042 KERBRIENT ', '@'), styled('@'), s('dem', '@'),
    n(4242, money), styled(money), n(2990175123456), null, s('camille@fictif.example'), n(612345678, phone), s('org1', '@'),
  ];
  person[28] = s('Suivi', '@');
  const empty = () => formats.map((z) => (z === 'General' ? null : styled(z)));
  writeWorkbook('usagers-rsa.xlsx', 'xlsx', [
    { name: 'ENTRETIENS PHYSIQUES', rows: [headers.map((h) => s(h, '@')), person, ...Array.from({ length: 200 }, empty)] },
  ]);
}

// real/pdl-mayenne-subventions-2018-12-21.xlsx: one date column holding text dates
// ('2017-06-27', format "@") in some rows and real date cells in others, SIRETs as numbers,
// double and trailing spaces in names, an accounting format on amounts.
writeDatesMixtesWorkbook();
function writeDatesMixtesWorkbook() {
  const random = seeded(53);
  const accounting = '_-* #,##0.00\\ _€_-;\\-* #,##0.00\\ _€_-;_-* "-"??\\ _€_-;_-@_-';
  const isoDate = 'yyyy\\-mm\\-dd';
  const header = 'nomAttribuant idAttribuant dateConvention referenceDecision nomBeneficiaire idBeneficiaire objet montant nature conditionsVersement datesPeriodeVersement dateDeuxiemeVersement dateSoldeVersement notificationUE pourcentageSubvention'.split(' ').map((h) => s(h));
  const toText = (serial: number) => XLSX.SSF.format('yyyy-mm-dd', serial);
  const rows: Cell[][] = [header];
  for (let i = 0; i < 60; i++) {
    const signed = 42736 + random.int(0, 360); // 2017
    const decided = signed - random.int(5, 60);
    const paid = signed + random.int(10, 200);
    // The first rows were typed as text, the later ones as dates: both in the same columns.
    const asText = i < 3 || random.int(0, 4) === 0;
    const date = (serial: number) => (asText ? s(toText(serial), '@') : n(serial, isoDate));
    const name = i === 0 ? 'FESTIVAL DES  VIEILLES PIERRES  ' : `${random.pick(associations)}  ${random.pick(places)} `;
    rows.push([
      s('Conseil Départemental du Bocage'), n(22990001200017), date(signed), date(decided), s(name), n(Number(digits(random, 14))), s('Soutien au projet associatif'),
      n(i === 0 ? 18500 : random.int(5, 400) * 100 + (i % 4 === 0 ? 0.5 : 0), accounting), s('Aide en numéraire'), s(random.pick(['après signature de la convention', '80% à la signature\nSolde sur bilan'])), date(paid),
      asText ? null : styled(isoDate), asText ? null : n(paid + 120, isoDate), s('non'), n(1),
    ]);
  }
  writeWorkbook('subventions-dates-mixtes.xlsx', 'xlsx', [{ name: 'Feuil1', rows }]);
}

// real/pdl-sarthe-subventions_versees_aux_associations_en_2018-converti.xlsx: a PDF
// conversion in "Table 1" (the name spread over merged B:G on every row, postcode and town in
// one merged-header column pair, multi-line headers with footnote marks) and the cleaned table
// in "Feuil1".
writePdfConvertiWorkbook();
function writePdfConvertiWorkbook() {
  const random = seeded(72);
  const amountHeaders = ['Montant\nde la subvention de fonctionnement (1)', "Montant\nde la subvention d'investissement (1)", 'Montant de la garantie\n(2)', 'Montant du prêt\n(3)', 'Avantages en nature\n(4)'];
  const towns: [number, string][] = [[29042, 'KERBRIENT'], [29100, 'DOUARNENEZ'], [29200, 'BREST'], [29000, 'QUIMPER'], [29600, 'MORLAIX'], [29800, 'LANDERNEAU']];
  const entries = Array.from({ length: 150 }, (_, i) => {
    const [postcode, town] = i === 0 ? towns[0] : random.pick(towns);
    const name = i === 0 ? '1er MAI' : `${random.pick(associations)} ${random.pick(places)}`;
    const inKind = random.int(0, 9) === 0;
    return { name, postcode, town, amount: inKind ? null : random.int(1, 60) * 50, inKind };
  });
  const raw: Cell[][] = [[s('Année'), s("Nom de l'organisme bénéficiaire"), null, null, null, null, null, s("Adresse de l'organisme"), null, ...amountHeaders.map((h) => s(h))]];
  const clean: Cell[][] = [[s('Année'), s("Nom de l'organisme bénéficiaire"), s('CP'), s('Ville'), ...amountHeaders.map((h) => s(h))]];
  for (const entry of entries) {
    const amount = entry.amount === null ? null : n(entry.amount, '0.00');
    const inKind = entry.inKind ? s('X') : null;
    raw.push([n(2018), s(entry.name), null, null, null, null, null, n(entry.postcode, '0'), s(entry.town), amount, null, null, null, inKind]);
    clean.push([n(2018), s(entry.name), n(entry.postcode), s(entry.town), amount, null, null, null, inKind]);
  }
  const merges = [{ s: { r: 0, c: 7 }, e: { r: 0, c: 8 } }, ...raw.map((_, r) => ({ s: { r, c: 1 }, e: { r, c: 6 } }))];
  writeWorkbook('subventions-pdf-converti.xlsx', 'xlsx', [
    { name: 'Table 1', rows: raw, merges },
    { name: 'Feuil1', rows: clean },
  ]);
}

