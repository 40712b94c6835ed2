import type { admin as fr } from '../fr/ui-admin';
import type { Shape } from '../shape';

export const admin: Shape<typeof fr> = {
  users: {
    title: 'Users',
    intro: 'Create your colleagues’ accounts and choose their role. A disabled account can no longer sign in; its history is kept.',
    caption: 'Accounts of this workspace',
    columns: {
      name: 'User name',
      displayName: 'Name',
      role: 'Role',
      status: 'Status',
      lastSignIn: 'Last sign-in',
      actions: 'Actions',
    },
    active: 'Active',
    disabled: 'Disabled',
    never: 'Never',
    you: '(you)',
    disable: 'Disable',
    enable: 'Enable',
    disableLabel: 'Disable the account {name}',
    enableLabel: 'Enable the account {name}',
    disabledDone: 'The account {name} is disabled.',
    enabledDone: 'The account {name} is enabled again.',
  },
  create: {
    title: 'New account',
    name: 'User name',
    displayName: 'Display name (optional)',
    password: 'Temporary password',
    passwordRule: 'At least {min} characters. Give it to the person in person.',
    role: 'Role',
    roleHelp: {
      agent: 'Agent: imports, corrects, anonymizes and submits datasets.',
      reviewer: 'Reviewer: also approves or rejects publications, and publishes.',
      admin: 'Administrator: also manages accounts, portals and schedules.',
    },
    submit: 'Create the account',
    submitting: 'Creating…',
    done: 'The account {name} was created.',
  },
};
