// Words people use for the same thing across the cluster's catalogues, in Russian and English.
export const catalogueSynonyms: string[][] = [
  ['робот', 'робототехника', 'robot', 'robotics'],
  ['зрение', 'vision', 'видеоаналитика'],
  ['арктика', 'arctic', 'север'],
  ['фармацевтика', 'pharma', 'лекарство', 'drug'],
  ['нк', 'неразрушающий контроль', 'ndt'],
]
