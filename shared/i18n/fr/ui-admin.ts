export const admin = {
  disabled: 'désactivé',
  roles: { agent: 'agent', reviewer: 'relecteur', admin: 'administrateur' },
};
