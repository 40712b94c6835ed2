export const exporting = {
  group: 'Exporter la version {number}',
  as: { csv: 'Exporter en CSV', xlsx: 'Exporter en Excel (XLSX)' },
  running: 'Export de la version {number} en cours…',
  progress: 'Export en cours : {done} lignes sur {total}',
  done: 'Fichier {name} prêt ({rows} lignes). Les cellules qui ressemblent à une formule commencent par une apostrophe.',
};
