import { raZhCNMessages } from './ra-zh-CN';

/**
 * Console messages in Simplified Chinese, the default locale and the source of truth for the key set:
 * `en.ts` must provide exactly these keys (enforced by the `ZhibenMessages` type).
 * Domain terms follow shared/domain/glossary.md.
 */
const zhCNDomainMessages = {
  resources: {
    'org-units': {
      name: '组织机构',
      fields: {
        id: 'ID',
        code: '机构代码',
        name: '机构名称',
        nameEn: '英文名称',
        kind: '机构类型',
        parentId: '上级机构',
        parentName: '上级机构',
        sectors: '负责的行业领域',
        path: '层级路径',
        version: '版本',
        createdAt: '创建时间',
        updatedAt: '更新时间',
        q: '搜索',
      },
    },
    enterprises: {
      name: '企业',
      fields: {
        id: 'ID',
        name: '企业名称',
        creditCode: '统一社会信用代码',
        sector: '行业领域',
        townId: '所属镇街',
        townName: '所属镇街',
        size: '企业规模',
        principal: '主要负责人',
        principalPhone: '主要负责人电话',
        address: '地址',
        version: '版本',
        createdAt: '创建时间',
        updatedAt: '更新时间',
        q: '搜索',
      },
    },
    sectors: {
      name: '行业领域',
      fields: {
        code: '代码',
        nameZh: '中文名称',
        nameEn: '英文名称',
      },
    },
  },
  zhiben: {
    app: {
      title: '治本 · 安全生产治本攻坚',
      shortTitle: '治本',
    },
    menu: {
      dashboard: '工作台',
      myTasks: '我的待办',
      orgUnits: '组织机构',
      enterprises: '企业',
    },
    appBar: {
      language: '界面语言',
      currentUser: '当前用户',
      noOrgUnit: '未分配组织机构',
    },
    dashboard: {
      title: '工作台',
      heading: '治本攻坚',
      campaign: '安全生产治本攻坚三年行动（2024—2026年）',
      welcome: '欢迎，%{name}',
      orgUnit: '所属组织机构：%{orgUnit}',
      enterprise: '所属企业：%{enterprise}',
      intro: '从这里进入待办、组织机构和企业名录。隐患排查整治、执法和举报核查等流程上线后，也将在此汇总。',
      open: '进入',
      links: {
        myTasks: '需要您办理、认领或关注的任务',
        orgUnits: '区、镇街、平台、村（社区）和部门',
        enterprises: '辖区企业名录及主要负责人',
      },
      version: '版本 %{version}',
    },
    tasks: {
      title: '我的待办',
      views: {
        mine: '我的',
        groups: '我所在组',
        watched: '关注',
      },
      columns: {
        title: '任务',
        type: '类型',
        caseRef: '案件编号',
        status: '状态',
        priority: '优先级',
        dueAt: '办理期限',
        followUpAt: '跟进日期',
        assignee: '办理人',
        createdAt: '创建时间',
      },
      priorities: {
        low: '低',
        normal: '普通',
        high: '高',
        urgent: '紧急',
      },
      statuses: {
        open: '待办理',
        claimed: '已认领',
        in_progress: '办理中',
        completed: '已办结',
        cancelled: '已取消',
      },
      overdue: '已逾期',
      unassigned: '未认领',
      loadMore: '加载更多',
      loading: '正在加载待办…',
      allLoaded: '已显示全部 %{count} 条',
      empty: {
        title: '暂无待办任务',
        mine: '当有隐患整改审核、方案备案等需要您办理的任务时，会显示在这里。',
        groups: '您所在岗位和组织机构的候选任务会显示在这里，认领后转入“我的”。',
        watched: '您关注的任务会显示在这里，便于跟踪办理进度。',
      },
      unavailable: '任务引擎尚未启用，流程上线后待办将自动出现。',
      error: '待办加载失败',
      retry: '重试',
    },
    orgUnits: {
      kinds: {
        district: '区县',
        town: '镇',
        street: '街道',
        platform: '平台（园区）',
        village: '村',
        community: '社区',
        department: '部门',
        office: '办公室',
      },
      sectorsHelper: '部门负责监管的行业领域（属事）',
      codeHelper: '用点分隔的小写编码，如 jiangjin.jiasi；创建后不可修改',
      children: '下级机构',
      enterprises: '辖区企业',
    },
    enterprises: {
      sizes: {
        above_scale: '规上企业',
        small_micro: '小微企业',
      },
      creditCodeHelper: '18 位，由数字和大写字母组成（不含 I、O、S、V、Z）',
      townHelper: '企业属地：所在的镇、街道或平台（园区）',
    },
    validation: {
      uscc: {
        length: '统一社会信用代码应为 18 位（当前 %{length} 位）',
        charset: '统一社会信用代码第 %{position} 位“%{char}”不是有效字符',
        checksum: '统一社会信用代码校验位错误（第 18 位应为“%{expected}”）',
      },
      phone: '请输入有效的电话号码',
      orgUnitCode: '机构代码只能由小写字母、数字、点和短横线组成，如 jiangjin.jiasi',
    },
    errors: {
      network: '无法连接服务器，请检查网络后重试',
      unsupported: '暂不支持此操作',
      partialFailure: '%{failed} / %{total} 项操作失败：%{message}',
      correlation: '%{message}（请求编号 %{correlationId}）',
    },
    boot: {
      loading: '正在连接…',
      failed: '控制台启动失败',
      retry: '重试',
    },
  },
};

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** The console's own message tree; every locale must provide all of it. */
export type ZhibenMessages = Messages<typeof zhCNDomainMessages>;

export const zhCNMessages = { ...raZhCNMessages, ...zhCNDomainMessages };
