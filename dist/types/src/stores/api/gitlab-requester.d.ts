export declare function gitlabRequester(fetcher: typeof fetch): (serviceOptions: import("@gitbeaker/requester-utils").ResourceOptions) => import("@gitbeaker/requester-utils").RequesterType;
