import englishMessages from 'ra-language-english';
import type { ZhibenMessages } from './zh-CN';

const enDomainMessages: ZhibenMessages = {
  resources: {
    'org-units': {
      name: 'Org unit |||| Org units',
      fields: {
        id: 'ID',
        code: 'Code',
        name: 'Name',
        nameEn: 'English name',
        kind: 'Kind',
        parentId: 'Parent unit',
        parentName: 'Parent unit',
        sectors: 'Supervised sectors',
        path: 'Path',
        version: 'Version',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    enterprises: {
      name: 'Enterprise |||| Enterprises',
      fields: {
        id: 'ID',
        name: 'Name',
        creditCode: 'Unified social credit code',
        sector: 'Sector',
        townId: 'Town / street',
        townName: 'Town / street',
        size: 'Size',
        principal: 'Principal',
        principalPhone: 'Principal phone',
        address: 'Address',
        version: 'Version',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    sectors: {
      name: 'Sector |||| Sectors',
      fields: {
        code: 'Code',
        nameZh: 'Chinese name',
        nameEn: 'English name',
      },
    },
  },
  zhiben: {
    app: {
      title: 'Zhiben · Work-safety root-cause campaign',
      shortTitle: 'Zhiben',
    },
    menu: {
      dashboard: 'Dashboard',
      myTasks: 'My tasks',
      orgUnits: 'Org units',
      enterprises: 'Enterprises',
    },
    appBar: {
      language: 'Language',
      currentUser: 'Current user',
      noOrgUnit: 'No org unit assigned',
    },
    dashboard: {
      title: 'Dashboard',
      heading: 'Root-cause tackling',
      campaign: 'Three-Year Root-Cause Tackling Action for Work Safety (2024–2026)',
      welcome: 'Welcome, %{name}',
      orgUnit: 'Org unit: %{orgUnit}',
      enterprise: 'Enterprise: %{enterprise}',
      intro:
        'Start here for your tasks, the org units and the enterprise register. Hazard rectification, enforcement and tip verification will gather here as they come online.',
      open: 'Open',
      links: {
        myTasks: 'Tasks you must handle, may claim, or watch',
        orgUnits: 'District, towns and streets, platforms, villages and departments',
        enterprises: 'Enterprises in your jurisdiction and their principals',
      },
      version: 'Version %{version}',
    },
    tasks: {
      title: 'My tasks',
      views: {
        mine: 'Mine',
        groups: 'My groups',
        watched: 'Watched',
      },
      columns: {
        title: 'Task',
        type: 'Type',
        caseRef: 'Case',
        status: 'Status',
        priority: 'Priority',
        dueAt: 'Due',
        followUpAt: 'Follow-up',
        assignee: 'Assignee',
        createdAt: 'Created',
      },
      priorities: {
        low: 'Low',
        normal: 'Normal',
        high: 'High',
        urgent: 'Urgent',
      },
      statuses: {
        open: 'Open',
        claimed: 'Claimed',
        in_progress: 'In progress',
        completed: 'Completed',
        cancelled: 'Cancelled',
      },
      overdue: 'Overdue',
      unassigned: 'Unclaimed',
      loadMore: 'Load more',
      loading: 'Loading tasks…',
      allLoaded: 'All %{count} shown',
      empty: {
        title: 'No tasks to do',
        mine: 'Tasks you must handle, such as reviewing a hazard rectification or filing a plan, will appear here.',
        groups: 'Tasks offered to your role and org unit appear here; claim one to move it to “Mine”.',
        watched: 'Tasks you watch appear here so you can follow their progress.',
      },
      unavailable: 'The task engine is not enabled yet; tasks will appear once the processes go live.',
      error: 'Could not load tasks',
      retry: 'Retry',
    },
    orgUnits: {
      kinds: {
        district: 'District',
        town: 'Town',
        street: 'Street (sub-district)',
        platform: 'Platform (park)',
        village: 'Village',
        community: 'Community',
        department: 'Department',
        office: 'Office',
      },
      sectorsHelper: 'Sectors this department supervises',
      codeHelper: 'Dot-separated lowercase code, e.g. jiangjin.jiasi; fixed once created',
      children: 'Subordinate units',
      enterprises: 'Enterprises in this jurisdiction',
    },
    enterprises: {
      sizes: {
        above_scale: 'Above designated size',
        small_micro: 'Small or micro',
      },
      creditCodeHelper: '18 characters: digits and capital letters except I, O, S, V, Z',
      townHelper: 'Territorial jurisdiction: the town, street or platform (park) it lies in',
    },
    validation: {
      uscc: {
        length: 'A unified social credit code has 18 characters (this one has %{length})',
        charset: 'Character %{position} (“%{char}”) is not allowed in a unified social credit code',
        checksum: 'Check character mismatch: the 18th character should be “%{expected}”',
      },
      phone: 'Enter a valid phone number',
      orgUnitCode: 'Lowercase letters, digits, dots and hyphens only, e.g. jiangjin.jiasi',
    },
    errors: {
      network: 'Cannot reach the server; check the network and retry',
      unsupported: 'This operation is not supported',
      partialFailure: '%{failed} of %{total} operations failed: %{message}',
      correlation: '%{message} (request ID %{correlationId})',
    },
    boot: {
      loading: 'Connecting…',
      failed: 'The console could not start',
      retry: 'Retry',
    },
  },
};

export const enMessages = { ...englishMessages, ...enDomainMessages };
