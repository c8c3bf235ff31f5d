<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckCommand</name>
    <message>
        <source>nodetriage check: PDF and HTML reports are not supported yet; %1 was not written.</source>
        <translation>nodetriage check：尚不支持 PDF 和 HTML 报告；未写入 %1。</translation>
    </message>
    <message>
        <source>nodetriage check: warning: the kubeconfig disables TLS verification for %1.</source>
        <translation>nodetriage check：警告：kubeconfig 对 %1 禁用了 TLS 验证。</translation>
    </message>
    <message>
        <source>cannot write the JSON report to %1: %2</source>
        <translation>无法将 JSON 报告写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>CheckOptions</name>
    <message>
        <source>Kubeconfig to use (else $KUBECONFIG, else ~/.kube/config).</source>
        <translation>要使用的 kubeconfig（否则使用 $KUBECONFIG，再否则使用 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Context to use (else current-context).</source>
        <translation>要使用的上下文（否则使用 current-context）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Steps to run, e.g. 1,2,6 or 1-6 (default: all).</source>
        <translation>要运行的步骤，例如 1,2,6 或 1-6（默认：全部）。</translation>
    </message>
    <message>
        <source>list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Seconds to sample before judging trends (default 30; 0 = one snapshot).</source>
        <translation>判断趋势前的采样秒数（默认 30；0 = 单次快照）。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Sampling interval in seconds (default 5).</source>
        <translation>采样间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>Also sample through this Prometheus HTTP API.</source>
        <translation>同时通过此 Prometheus HTTP API 采样。</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>SSH client configuration for node-side checks.</source>
        <translation>节点侧检查使用的 SSH 客户端配置。</translation>
    </message>
    <message>
        <source>SSH user on the nodes.</source>
        <translation>节点上的 SSH 用户。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>SSH private key.</source>
        <translation>SSH 私钥。</translation>
    </message>
    <message>
        <source>SSH port on the nodes.</source>
        <translation>节点上的 SSH 端口。</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>SSH jump host.</source>
        <translation>SSH 跳板机。</translation>
    </message>
    <message>
        <source>[user@]host[:port]</source>
        <translation>[user@]host[:port]</translation>
    </message>
    <message>
        <source>Known hosts file for SSH.</source>
        <translation>SSH 使用的已知主机文件。</translation>
    </message>
    <message>
        <source>Write the JSON report here (&apos;-&apos; = standard output).</source>
        <translation>将 JSON 报告写入此处（&apos;-&apos; = 标准输出）。</translation>
    </message>
    <message>
        <source>Write a PDF report here.</source>
        <translation>将 PDF 报告写入此处。</translation>
    </message>
    <message>
        <source>Write an HTML report here.</source>
        <translation>将 HTML 报告写入此处。</translation>
    </message>
    <message>
        <source>API server name for the DNS step when the server URL is an address.</source>
        <translation>当服务器 URL 为地址时，DNS 步骤使用的 API 服务器名称。</translation>
    </message>
    <message>
        <source>Resolve the API server name here against this DNS server.</source>
        <translation>在此处针对该 DNS 服务器解析 API 服务器名称。</translation>
    </message>
    <message>
        <source>ip[:port]</source>
        <translation>ip[:port]</translation>
    </message>
    <message>
        <source>Image of the DNS probe pod (needs --allow-changes; must have nslookup).</source>
        <translation>DNS 探测 Pod 的镜像（需要 --allow-changes；必须包含 nslookup）。</translation>
    </message>
    <message>
        <source>image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Seconds the DNS probe pod may take before it is deleted (default 60).</source>
        <translation>DNS 探测 Pod 被删除前可用的秒数（默认 60）。</translation>
    </message>
    <message>
        <source>Language of messages and reports (en, zh_CN).</source>
        <translation>消息和报告的语言（en、zh_CN）。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>--%1 must be a whole number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 必须是 %2 到 %3 之间的整数，而不是 &quot;%4&quot;。</translation>
    </message>
    <message>
        <source>--steps takes step numbers 1 to 6 like &quot;1,2,6&quot; or &quot;1-6&quot;, not &quot;%1&quot;.</source>
        <translation>--steps 接受 1 到 6 的步骤编号，例如 &quot;1,2,6&quot; 或 &quot;1-6&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Diagnoses the health of a cluster&apos;s worker nodes without a window.</source>
        <translation>无需窗口即可诊断集群工作节点的健康状况。</translation>
    </message>
    <message>
        <source>Shows this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Permit mutating actions (none run without it).</source>
        <translation>允许执行会更改集群的操作（没有此选项时不会执行任何此类操作）。</translation>
    </message>
    <message>
        <source>The API server uses VNet integration: no konnectivity agent is expected.</source>
        <translation>API 服务器使用 VNet 集成：预期不存在 konnectivity 代理。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>意外的参数 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Usage: nodetriage check [options]</source>
        <translation>用法：nodetriage check [options]</translation>
    </message>
    <message>
        <source>--fqdn takes a DNS name like &quot;x.hcp.westeurope.azmk8s.io&quot;, not &quot;%1&quot;.</source>
        <translation>--fqdn 接受 DNS 名称，例如 &quot;x.hcp.westeurope.azmk8s.io&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--dns-server takes an IPv4 address with an optional port like &quot;10.0.0.10&quot; or &quot;127.0.0.1:5353&quot;, not &quot;%1&quot;.</source>
        <translation>--dns-server 接受 IPv4 地址及可选端口，例如 &quot;10.0.0.10&quot; 或 &quot;127.0.0.1:5353&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--probe-image takes an image reference like &quot;mcr.microsoft.com/cbl-mariner/busybox:2.0&quot;, not &quot;%1&quot;.</source>
        <translation>--probe-image 接受镜像引用，例如 &quot;mcr.microsoft.com/cbl-mariner/busybox:2.0&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>--lang takes a language code like &quot;en&quot; or &quot;zh_CN&quot;, not &quot;%1&quot;.</source>
        <translation>--lang 接受语言代码，例如 &quot;en&quot; 或 &quot;zh_CN&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>Write a Markdown report here (for pasting into tickets).</source>
        <translation>将 Markdown 报告写入此处（便于粘贴到工单中）。</translation>
    </message>
    <message>
        <source>Replace IP addresses, node and cluster names by stand-ins in the reports.</source>
        <translation>在报告中用替代名称替换 IP 地址、节点名和集群名。</translation>
    </message>
    <message>
        <source>How many nodes the node-side SSH checks visit, affected ones first (default 5).</source>
        <translation>节点侧 SSH 检查访问的节点数，受影响的节点优先（默认 5）。</translation>
    </message>
    <message>
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>DNS server the node-side lookups ask instead of the node&apos;s own resolver and of Azure DNS 168.63.129.16.</source>
        <translation>节点侧查询所使用的 DNS 服务器，代替节点自身的解析器和 Azure DNS 168.63.129.16。</translation>
    </message>
    <message>
        <source>--node-dns-server takes an IPv4 address with an optional port like &quot;10.0.0.10&quot; or &quot;127.0.0.1:5353&quot;, not &quot;%1&quot;.</source>
        <translation>--node-dns-server 的取值应为 IPv4 地址（可带端口），例如 &quot;10.0.0.10&quot; 或 &quot;127.0.0.1:5353&quot;，而不是 &quot;%1&quot;。</translation>
    </message>
</context>
<context>
    <name>CheckRunner</name>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Listing the nodes&apos; heartbeat leases</source>
        <translation>正在列出节点的心跳租约（Lease）</translation>
    </message>
    <message>
        <source>Judging conditions, taints, heartbeats and readiness</source>
        <translation>正在判断节点状况、污点、心跳和就绪状态</translation>
    </message>
    <message>
        <source>Judging CPU, memory, PIDs and disk usage over the window</source>
        <translation>正在判断采样窗口内的 CPU、内存、PID 和磁盘使用情况</translation>
    </message>
    <message>
        <source>Reading the nodes&apos; events</source>
        <translation>正在读取节点事件</translation>
    </message>
    <message>
        <source>Classifying the agents&apos; log lines</source>
        <translation>正在对代理日志行进行分类</translation>
    </message>
    <message>
        <source>Comparing the vantage points</source>
        <translation>正在比较各观测点的结果</translation>
    </message>
    <message>
        <source>Judging kubelet errors, PLEG latency, evictions and restarts</source>
        <translation>正在判断 kubelet 错误、PLEG 延迟、驱逐和重启</translation>
    </message>
    <message>
        <source>One sample only (--duration 0): counter deltas, PLEG latency and restarts during the window were not judged.</source>
        <translation>仅有一个样本（--duration 0）：未判断采样时段内的计数器增量、PLEG 延迟和重启。</translation>
    </message>
    <message>
        <source>Judging Node Problem Detector conditions and events</source>
        <translation>正在判断 Node Problem Detector 的状况和事件</translation>
    </message>
    <message>
        <source>Judging disk IOPS and throughput against each node&apos;s cap</source>
        <translation>正在对照各节点的上限判断磁盘 IOPS 和吞吐量</translation>
    </message>
    <message>
        <source>This step could not run: %1</source>
        <translation>此步骤无法运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>Sampling %n nodes</source>
        <translation>
            <numerusform>正在采样 %n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>A node re-list failed and was skipped: %1</source>
        <translation>重新列出节点失败，已跳过：%1</translation>
    </message>
    <message>
        <source>Listing nodes</source>
        <translation>正在列出节点</translation>
    </message>
    <message>
        <source>not selected (--steps)</source>
        <translation>未选择（--steps）</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <source>Node-side checks over SSH on %n nodes</source>
        <translation>
            <numerusform>正在通过 SSH 对 %n 个节点进行节点侧检查</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckSummary</name>
    <message>
        <source>Cluster %1 (%2), %3 nodes, %4 samples</source>
        <translation>集群 %1（%2），%3 个节点，%4 个样本</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>没有发现项。</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>FINDING</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>NODE</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>DETAIL</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>%1 critical, %2 warnings, %3 findings in all.</source>
        <translation>%1 个严重，%2 个警告，共 %3 个发现项。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>Host key changed</source>
        <translation>主机密钥已更改</translation>
    </message>
    <message>
        <source>The connection was refused before authenticating. Someone may be intercepting it, or the node was rebuilt: check with the cluster&apos;s owner, then remove the old line from known_hosts.</source>
        <translation>连接在身份验证前被拒绝。可能有人正在拦截连接，或节点已被重建：请向集群所有者确认，然后从 known_hosts 中删除旧的条目。</translation>
    </message>
</context>
<context>
    <name>DiskLimits</name>
    <message>
        <source>the node has no instance-type label</source>
        <translation>该节点没有 instance-type 标签</translation>
    </message>
    <message>
        <source>VM size %1 is not in the table of VM limits</source>
        <translation>VM 规格 %1 不在 VM 限制表中</translation>
    </message>
    <message>
        <source>%1 uncached %2 IOPS / %3 MB/s</source>
        <translation>%1 非缓存 %2 IOPS / %3 MB/s</translation>
    </message>
    <message>
        <source>from the node&apos;s ephemeral-storage capacity, %1 GiB, as a Premium SSD</source>
        <translation>根据节点的 ephemeral-storage 容量 %1 GiB，按 Premium SSD 估算</translation>
    </message>
    <message>
        <source>AKS&apos;s default OS disk for the node&apos;s vCPU count</source>
        <translation>AKS 针对该节点 vCPU 数量的默认 OS 磁盘</translation>
    </message>
    <message>
        <source>the OS disk tier of node %1 could not be told</source>
        <translation>无法确定节点 %1 的 OS 磁盘层级</translation>
    </message>
    <message>
        <source>%1 %2 IOPS / %3 MB/s</source>
        <translation>%1 %2 IOPS / %3 MB/s</translation>
    </message>
</context>
<context>
    <name>DnsResolver</name>
    <message>
        <source>%1 is not an IPv4 address.</source>
        <translation>%1 不是 IPv4 地址。</translation>
    </message>
    <message>
        <source>The resolver library could not be initialised.</source>
        <translation>无法初始化解析器库。</translation>
    </message>
    <message>
        <source>%1 is not a name that can be asked for.</source>
        <translation>%1 不是可查询的名称。</translation>
    </message>
    <message>
        <source>Nothing answers DNS at %1 (connection refused).</source>
        <translation>%1 上没有 DNS 服务响应（连接被拒绝）。</translation>
    </message>
    <message>
        <source>DNS server %1 answered %2 with a failure (SERVFAIL or REFUSED).</source>
        <translation>DNS 服务器 %1 对 %2 返回了失败（SERVFAIL 或 REFUSED）。</translation>
    </message>
    <message>
        <source>DNS server %1 did not answer within %2 s.</source>
        <translation>DNS 服务器 %1 未在 %2 秒内响应。</translation>
    </message>
    <message>
        <source>DNS server %1 sent an answer that does not parse.</source>
        <translation>DNS 服务器 %1 发送的应答无法解析。</translation>
    </message>
    <message>
        <source>DNS server %1 says %2 does not exist (NXDOMAIN).</source>
        <translation>DNS 服务器 %1 表示 %2 不存在（NXDOMAIN）。</translation>
    </message>
    <message>
        <source>DNS server %1 failed to resolve %2 (SERVFAIL).</source>
        <translation>DNS 服务器 %1 解析 %2 失败（SERVFAIL）。</translation>
    </message>
    <message>
        <source>DNS server %1 refused to resolve %2 (REFUSED).</source>
        <translation>DNS 服务器 %1 拒绝解析 %2（REFUSED）。</translation>
    </message>
    <message>
        <source>DNS server %1 answered %2 with error code %3.</source>
        <translation>DNS 服务器 %1 对 %2 返回错误代码 %3。</translation>
    </message>
    <message>
        <source>DNS server %1 has no address for %2.</source>
        <translation>DNS 服务器 %1 没有 %2 的地址。</translation>
    </message>
    <message>
        <source>system resolver</source>
        <translation>系统解析器</translation>
    </message>
    <message>
        <source>The system resolver could not resolve %1: %2</source>
        <translation>系统解析器无法解析 %1：%2</translation>
    </message>
    <message>
        <source>The system resolver has no IPv4 address for %1.</source>
        <translation>系统解析器没有 %1 的 IPv4 地址。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Node is not ready</source>
        <translation>节点未就绪</translation>
    </message>
    <message>
        <source>Read the Ready condition&apos;s reason and the node&apos;s events; check the kubelet and the container runtime on the node, then restart the VM instance if it does not recover.</source>
        <translation>查看 Ready 条件的原因和节点事件；检查节点上的 kubelet 和容器运行时，如果仍未恢复，请重启 VM 实例。</translation>
    </message>
    <message>
        <source>Node stopped reporting</source>
        <translation>节点已停止上报</translation>
    </message>
    <message>
        <source>The kubelet no longer reaches the API server: check the VM is running, its network path to the control plane (routes, firewall, NSG) and the kubelet service; restart the VM instance if it is hung.</source>
        <translation>kubelet 已无法连接 API 服务器：请检查 VM 是否在运行、其到控制平面的网络路径（路由、防火墙、NSG）以及 kubelet 服务；如果 VM 已挂起，请重启 VM 实例。</translation>
    </message>
    <message>
        <source>Node is under memory pressure</source>
        <translation>节点处于内存压力下</translation>
    </message>
    <message>
        <source>Find the pods using the most memory on the node, set memory requests and limits, or move to a larger VM size / add nodes.</source>
        <translation>找出节点上内存占用最多的 Pod，设置内存请求和限制，或改用更大的 VM 规格 / 添加节点。</translation>
    </message>
    <message>
        <source>Node is under disk pressure</source>
        <translation>节点处于磁盘压力下</translation>
    </message>
    <message>
        <source>Free space on the node&apos;s OS disk (unused images, container logs, emptyDir volumes) or use a larger OS disk.</source>
        <translation>释放节点 OS 磁盘上的空间（未使用的镜像、容器日志、emptyDir 卷），或使用更大的 OS 磁盘。</translation>
    </message>
    <message>
        <source>Node is running out of process IDs</source>
        <translation>节点的进程 ID 即将耗尽</translation>
    </message>
    <message>
        <source>Find the pods creating many processes or threads, set pod PID limits, and restart the leaking workload.</source>
        <translation>找出创建大量进程或线程的 Pod，设置 Pod PID 限制，并重启存在泄漏的工作负载。</translation>
    </message>
    <message>
        <source>Node network is not configured</source>
        <translation>节点网络未配置</translation>
    </message>
    <message>
        <source>Check the CNI pods on the node and the node&apos;s routes; pods on this node cannot reach the network.</source>
        <translation>检查节点上的 CNI Pod 和节点路由；此节点上的 Pod 无法访问网络。</translation>
    </message>
    <message>
        <source>Node heartbeat is stale</source>
        <translation>节点心跳已过时</translation>
    </message>
    <message>
        <source>The kubelet stopped renewing its heartbeat: check the kubelet service, the node&apos;s clock and its connection to the API server.</source>
        <translation>kubelet 已停止续订心跳：请检查 kubelet 服务、节点时钟及其与 API 服务器的连接。</translation>
    </message>
    <message>
        <source>Node is tainted unreachable or not-ready</source>
        <translation>节点带有 unreachable 或 not-ready 污点</translation>
    </message>
    <message>
        <source>Kubernetes keeps new pods off the node and evicts running ones after their toleration (300 s by default); fix the node&apos;s readiness and the taint goes away by itself.</source>
        <translation>Kubernetes 会阻止新 Pod 调度到该节点，并在容忍时间（默认 300 秒）后驱逐正在运行的 Pod；修复节点的就绪状态后，污点会自动消失。</translation>
    </message>
    <message>
        <source>Node is cordoned</source>
        <translation>节点已封锁</translation>
    </message>
    <message>
        <source>If no maintenance or upgrade is running, make the node schedulable again with kubectl uncordon.</source>
        <translation>如果没有正在进行的维护或升级，请使用 kubectl uncordon 让节点重新可调度。</translation>
    </message>
    <message>
        <source>Node readiness is flapping</source>
        <translation>节点就绪状态抖动</translation>
    </message>
    <message>
        <source>The node keeps going NotReady and back: look for kubelet restarts, resource starvation, disk throttling and network drops in the node&apos;s events and logs.</source>
        <translation>节点反复在 NotReady 与就绪之间切换：请在节点事件和日志中查找 kubelet 重启、资源耗尽、磁盘限流和网络中断。</translation>
    </message>
    <message>
        <source>Node CPU use is high</source>
        <translation>节点 CPU 使用率高</translation>
    </message>
    <message>
        <source>Find the busiest pods on the node; set CPU requests and limits, scale out, or use a larger VM size.</source>
        <translation>找出节点上最繁忙的 Pod；设置 CPU 请求和限制、横向扩容，或使用更大的 VM 规格。</translation>
    </message>
    <message>
        <source>Node memory use is high</source>
        <translation>节点内存使用率高</translation>
    </message>
    <message>
        <source>Find the pods with the largest working sets; set memory limits or add capacity before the kubelet starts evicting.</source>
        <translation>找出工作集最大的 Pod；在 kubelet 开始驱逐之前设置内存限制或增加容量。</translation>
    </message>
    <message>
        <source>Node process count is high</source>
        <translation>节点进程数高</translation>
    </message>
    <message>
        <source>Find the pods creating many processes or threads and set pod PID limits.</source>
        <translation>找出创建大量进程或线程的 Pod，并设置 Pod PID 限制。</translation>
    </message>
    <message>
        <source>Node file system is almost full</source>
        <translation>节点文件系统即将写满</translation>
    </message>
    <message>
        <source>Clean up images and logs on the node or give it a larger OS disk before the kubelet reports DiskPressure.</source>
        <translation>在 kubelet 报告 DiskPressure 之前，清理节点上的镜像和日志，或为其配置更大的 OS 磁盘。</translation>
    </message>
    <message>
        <source>No metrics from the node</source>
        <translation>没有来自节点的指标</translation>
    </message>
    <message>
        <source>The kubelet&apos;s stats endpoint did not answer through the API server; the node&apos;s resource use could not be judged.</source>
        <translation>kubelet 的统计端点未通过 API 服务器响应；无法判断节点的资源使用情况。</translation>
    </message>
    <message>
        <source>Konnectivity agent is missing</source>
        <translation>缺少 Konnectivity 代理</translation>
    </message>
    <message>
        <source>The cluster should run konnectivity-agent in kube-system but it is absent; check the cluster&apos;s provisioning state and reconcile it.</source>
        <translation>集群应在 kube-system 中运行 konnectivity-agent，但未找到；请检查集群的预配状态并进行协调（reconcile）。</translation>
    </message>
    <message>
        <source>Konnectivity agent replicas are not ready</source>
        <translation>Konnectivity 代理副本未就绪</translation>
    </message>
    <message>
        <source>Fix the egress rules the agent needs (the API server FQDN on port 443), then restart the deployment.</source>
        <translation>修复该代理所需的出站规则（API 服务器 FQDN 的 443 端口），然后重启该部署。</translation>
    </message>
    <message>
        <source>Konnectivity agent keeps restarting</source>
        <translation>Konnectivity 代理反复重启</translation>
    </message>
    <message>
        <source>Read the agent&apos;s previous logs and last termination reason; most restarts come from blocked egress to the API server.</source>
        <translation>查看代理的上一次日志和最后终止原因；大多数重启源于到 API 服务器的出站流量被阻止。</translation>
    </message>
    <message>
        <source>Konnectivity agent logs show connection errors</source>
        <translation>Konnectivity 代理日志显示连接错误</translation>
    </message>
    <message>
        <source>Check the firewall or NVA allows the API server FQDN on port 443, then restart the agent deployment.</source>
        <translation>检查防火墙或 NVA 是否放行 API 服务器 FQDN 的 443 端口，然后重启代理部署。</translation>
    </message>
    <message>
        <source>Cluster uses a legacy tunnel</source>
        <translation>集群使用旧版隧道</translation>
    </message>
    <message>
        <source>tunnelfront or aks-link is in use; upgrade the cluster to move to Konnectivity.</source>
        <translation>正在使用 tunnelfront 或 aks-link；请升级集群以迁移到 Konnectivity。</translation>
    </message>
    <message>
        <source>No tunnel agent is expected</source>
        <translation>预期不存在隧道代理</translation>
    </message>
    <message>
        <source>With API Server VNet Integration the API server reaches nodes directly; no agent is deployed.</source>
        <translation>启用 API Server VNet Integration 后，API 服务器直接访问节点；不会部署代理。</translation>
    </message>
    <message>
        <source>API server cannot reach the kubelets</source>
        <translation>API 服务器无法访问 kubelet</translation>
    </message>
    <message>
        <source>kubectl logs/exec fail with &quot;error dialing backend&quot;: fix the tunnel agent and the egress rules it needs.</source>
        <translation>kubectl logs/exec 失败并报 &quot;error dialing backend&quot;：请修复隧道代理及其所需的出站规则。</translation>
    </message>
    <message>
        <source>API server name does not resolve here</source>
        <translation>在此处无法解析 API 服务器名称</translation>
    </message>
    <message>
        <source>This workstation cannot resolve the API server FQDN; for a private cluster use a machine in (or linked to) the cluster&apos;s VNet.</source>
        <translation>此工作站无法解析 API 服务器 FQDN；对于专用集群，请使用位于集群 VNet 中（或与之链接）的计算机。</translation>
    </message>
    <message>
        <source>API server name does not resolve from a pod</source>
        <translation>从 Pod 中无法解析 API 服务器名称</translation>
    </message>
    <message>
        <source>Check CoreDNS and the VNet&apos;s custom DNS servers forward to Azure DNS (168.63.129.16).</source>
        <translation>检查 CoreDNS 以及 VNet 的自定义 DNS 服务器是否转发到 Azure DNS (168.63.129.16)。</translation>
    </message>
    <message>
        <source>API server name does not resolve from the node</source>
        <translation>从节点上无法解析 API 服务器名称</translation>
    </message>
    <message>
        <source>Check the VNet&apos;s DNS servers, their forwarding to Azure DNS and the routes from the node to them.</source>
        <translation>检查 VNet 的 DNS 服务器、其到 Azure DNS 的转发以及从节点到这些服务器的路由。</translation>
    </message>
    <message>
        <source>Private API server name resolves to a public address</source>
        <translation>专用 API 服务器名称解析为公共地址</translation>
    </message>
    <message>
        <source>Link the private DNS zone privatelink.&lt;region&gt;.azmk8s.io to the VNet, or forward it from the custom DNS servers.</source>
        <translation>将专用 DNS 区域 privatelink.&lt;region&gt;.azmk8s.io 链接到 VNet，或从自定义 DNS 服务器转发该区域。</translation>
    </message>
    <message>
        <source>Upstream DNS does not answer</source>
        <translation>上游 DNS 无响应</translation>
    </message>
    <message>
        <source>Azure DNS (168.63.129.16) or the custom DNS server does not answer from the node; check routes and firewall rules on UDP/TCP 53.</source>
        <translation>Azure DNS (168.63.129.16) 或自定义 DNS 服务器未从节点响应；请检查 UDP/TCP 53 端口的路由和防火墙规则。</translation>
    </message>
    <message>
        <source>CoreDNS is unhealthy</source>
        <translation>CoreDNS 不正常</translation>
    </message>
    <message>
        <source>Check the coredns deployment&apos;s pods, restarts and logs in kube-system.</source>
        <translation>检查 kube-system 中 coredns 部署的 Pod、重启次数和日志。</translation>
    </message>
    <message>
        <source>Name resolves on the node but not in pods</source>
        <translation>名称在节点上可解析，但在 Pod 中不可解析</translation>
    </message>
    <message>
        <source>The node&apos;s DNS works, so the fault is in Kubernetes DNS: check CoreDNS, its config map and network policies.</source>
        <translation>节点的 DNS 正常，因此故障位于 Kubernetes DNS：请检查 CoreDNS、其 ConfigMap 和网络策略。</translation>
    </message>
    <message>
        <source>DNS probe not run</source>
        <translation>未运行 DNS 探测</translation>
    </message>
    <message>
        <source>The detail says why; give the missing access (SSH, pod creation) to run it.</source>
        <translation>详细信息中说明了原因；请授予缺少的访问权限（SSH、创建 Pod）以运行该探测。</translation>
    </message>
    <message>
        <source>Kubelet is restarting</source>
        <translation>kubelet 正在重启</translation>
    </message>
    <message>
        <source>Read the kubelet log (journalctl -u kubelet) for the reason; look for CPU, memory or disk starvation on the node.</source>
        <translation>查看 kubelet 日志（journalctl -u kubelet）以了解原因；检查节点上的 CPU、内存或磁盘是否耗尽。</translation>
    </message>
    <message>
        <source>Kubelet errors keep rising</source>
        <translation>kubelet 错误持续增加</translation>
    </message>
    <message>
        <source>Runtime operation errors grow over the sampling window; check the container runtime and the kubelet log.</source>
        <translation>运行时操作错误在采样时段内不断增长；请检查容器运行时和 kubelet 日志。</translation>
    </message>
    <message>
        <source>Kubelet pod lifecycle events are slow</source>
        <translation>kubelet Pod 生命周期事件缓慢</translation>
    </message>
    <message>
        <source>PLEG relists are slow: the container runtime or the OS disk is overloaded.</source>
        <translation>PLEG relist 缓慢：容器运行时或 OS 磁盘过载。</translation>
    </message>
    <message>
        <source>Kubelet is evicting pods</source>
        <translation>kubelet 正在驱逐 Pod</translation>
    </message>
    <message>
        <source>The node runs short of the resource named by the eviction signal; set requests and limits or add capacity.</source>
        <translation>节点上驱逐信号所指的资源不足；请设置请求和限制或增加容量。</translation>
    </message>
    <message>
        <source>Node is near its pod limit</source>
        <translation>节点接近其 Pod 上限</translation>
    </message>
    <message>
        <source>Add nodes or raise max pods on a new node pool.</source>
        <translation>添加节点，或在新的节点池上提高最大 Pod 数。</translation>
    </message>
    <message>
        <source>Kubelet version differs from the control plane</source>
        <translation>kubelet 版本与控制平面不同</translation>
    </message>
    <message>
        <source>Upgrade the node pool to the control plane&apos;s version.</source>
        <translation>将节点池升级到控制平面的版本。</translation>
    </message>
    <message>
        <source>Kubelet metrics could not be read</source>
        <translation>无法读取 kubelet 指标</translation>
    </message>
    <message>
        <source>The API server proxy to the kubelet failed; the detail has the error.</source>
        <translation>API 服务器到 kubelet 的代理失败；详细信息中包含错误。</translation>
    </message>
    <message>
        <source>Node Problem Detector reports a problem</source>
        <translation>节点问题检测器 (NPD) 报告了问题</translation>
    </message>
    <message>
        <source>The detail names the condition; follow its remedy and check the node&apos;s events.</source>
        <translation>详细信息中给出了条件名称；请按其修复建议操作，并检查节点事件。</translation>
    </message>
    <message>
        <source>Node Problem Detector event</source>
        <translation>节点问题检测器 (NPD) 事件</translation>
    </message>
    <message>
        <source>The detail names the event; check the node&apos;s system log around its time.</source>
        <translation>详细信息中给出了事件名称；请检查该时间前后节点的系统日志。</translation>
    </message>
    <message>
        <source>No Node Problem Detector conditions</source>
        <translation>没有节点问题检测器 (NPD) 条件</translation>
    </message>
    <message>
        <source>The node carries no NPD conditions; its problems show up only in other checks.</source>
        <translation>该节点没有 NPD 条件；其问题只会在其他检查中显示。</translation>
    </message>
    <message>
        <source>Disk IOPS at the cap</source>
        <translation>磁盘 IOPS 达到上限</translation>
    </message>
    <message>
        <source>Move I/O-heavy workloads off the OS disk, use ephemeral OS disks or a larger disk tier / VM size.</source>
        <translation>将 I/O 密集型工作负载移出 OS 磁盘，使用临时 OS 磁盘，或使用更高的磁盘层级 / 更大的 VM 规格。</translation>
    </message>
    <message>
        <source>Disk throughput at the cap</source>
        <translation>磁盘吞吐量达到上限</translation>
    </message>
    <message>
        <source>Large I/Os reach the MB/s limit first; use a larger disk tier or VM size.</source>
        <translation>大块 I/O 会先达到 MB/s 上限；请使用更高的磁盘层级或更大的 VM 规格。</translation>
    </message>
    <message>
        <source>Disk is saturated</source>
        <translation>磁盘已饱和</translation>
    </message>
    <message>
        <source>The disk&apos;s queue keeps growing; find the busiest containers.</source>
        <translation>磁盘队列持续增长；请找出最繁忙的容器。</translation>
    </message>
    <message>
        <source>Tasks stall on I/O</source>
        <translation>任务因 I/O 停滞</translation>
    </message>
    <message>
        <source>Pressure-stall information shows tasks waiting on I/O; reduce I/O or raise the disk&apos;s limits.</source>
        <translation>压力停滞信息 (PSI) 显示任务在等待 I/O；请减少 I/O 或提高磁盘限制。</translation>
    </message>
    <message>
        <source>High CPU I/O wait</source>
        <translation>CPU I/O 等待高</translation>
    </message>
    <message>
        <source>CPUs idle waiting on the disk; the disk is the bottleneck.</source>
        <translation>CPU 空闲等待磁盘；磁盘是瓶颈。</translation>
    </message>
    <message>
        <source>Disk limits unknown</source>
        <translation>磁盘限制未知</translation>
    </message>
    <message>
        <source>The VM size or disk tier is not in NodeTriage&apos;s table, so throttling could not be judged.</source>
        <translation>VM 规格或磁盘层级不在 NodeTriage 的表中，因此无法判断限流。</translation>
    </message>
    <message>
        <source>Node cannot reach the API server</source>
        <translation>节点无法访问 API 服务器</translation>
    </message>
    <message>
        <source>Allow egress from the node subnet to the API server on TCP 443 (and 9000 for tunnelfront) in the NSG, route table and firewall.</source>
        <translation>在 NSG、路由表和防火墙中允许节点子网访问 API 服务器的 TCP 443 出站流量（tunnelfront 还需要 9000）。</translation>
    </message>
</context>
<context>
    <name>KubeClient</name>
    <message>
        <source>The API server answered a list of %1 with a body that is not a Kubernetes list (%2 bytes).</source>
        <translation>API 服务器对 %1 的列表请求返回的正文不是 Kubernetes 列表（%2 字节）。</translation>
    </message>
    <message>
        <source>the server URL &apos;%1&apos; of context &apos;%2&apos; is not an http(s) URL</source>
        <translation>上下文 &apos;%2&apos; 的服务器 URL &apos;%1&apos; 不是 http(s) URL</translation>
    </message>
    <message>
        <source>the certificate authority of cluster &apos;%1&apos; (in %2) holds no PEM certificate</source>
        <translation>集群 &apos;%1&apos;（位于 %2）的证书颁发机构不包含 PEM 证书</translation>
    </message>
    <message>
        <source>the client certificate or key of user &apos;%1&apos; (in %2) is not a PEM certificate with an RSA or EC private key</source>
        <translation>用户 &apos;%1&apos;（位于 %2）的客户端证书或密钥不是带有 RSA 或 EC 私钥的 PEM 证书</translation>
    </message>
    <message>
        <source>the proxy &apos;%1&apos; uses the scheme &apos;%2&apos;; only http and socks5 proxies are supported</source>
        <translation>代理 &apos;%1&apos; 使用的协议为 &apos;%2&apos;；仅支持 http 和 socks5 代理</translation>
    </message>
    <message>
        <source>%1 bytes starting &apos;%2&apos;</source>
        <translation>%1 字节，开头为 &apos;%2&apos;</translation>
    </message>
    <message>
        <source> in namespace %1</source>
        <translation>，位于命名空间 %1</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Cancelled: %1 on %2.</source>
        <translation>已取消：在 %2 上的 %1。</translation>
    </message>
    <message>
        <source>No answer from the API server %1 within %2 s to %3.</source>
        <translation>API 服务器 %1 在 %2 秒内未响应 %3。</translation>
    </message>
    <message>
        <source>Cannot resolve the API server&apos;s host name &apos;%1&apos; (server %2 of context &apos;%3&apos;): check the name, DNS, and VPN or private-endpoint access.</source>
        <translation>无法解析 API 服务器的主机名 &apos;%1&apos;（上下文 &apos;%3&apos; 的服务器 %2）：请检查名称、DNS 以及 VPN 或专用终结点访问。</translation>
    </message>
    <message>
        <source>Connection to %1 refused: nothing is listening there (server of context &apos;%2&apos;).</source>
        <translation>到 %1 的连接被拒绝：该处没有服务在监听（上下文 &apos;%2&apos; 的服务器）。</translation>
    </message>
    <message>
        <source>Network error talking to %1 while trying to %2: %3.</source>
        <translation>尝试 %2 时与 %1 通信发生网络错误：%3。</translation>
    </message>
    <message>
        <source>TLS verification of the API server %1 failed: %2. The trusted certificate authority comes from context &apos;%3&apos; in %4.</source>
        <translation>API 服务器 %1 的 TLS 验证失败：%2。受信任的证书颁发机构来自 %4 中的上下文 &apos;%3&apos;。</translation>
    </message>
    <message>
        <source>The proxy for %1 failed: %2.</source>
        <translation>%1 的代理失败：%2。</translation>
    </message>
    <message>
        <source>Could not get credentials for user &apos;%1&apos; of context &apos;%2&apos;: %3</source>
        <translation>无法获取上下文 &apos;%2&apos; 的用户 &apos;%1&apos; 的凭据：%3</translation>
    </message>
    <message>
        <source>401 Unauthorized: the API server %1 did not accept the credentials of user &apos;%2&apos; (context &apos;%3&apos;) to %4%5.</source>
        <translation>401 Unauthorized：API 服务器 %1 不接受用户 &apos;%2&apos;（上下文 &apos;%3&apos;）用于 %4%5 的凭据。</translation>
    </message>
    <message>
        <source>403 Forbidden: user &apos;%1&apos; may not %2 on %3%4.</source>
        <translation>403 Forbidden：用户 &apos;%1&apos; 无权在 %3%4 上执行 %2。</translation>
    </message>
    <message>
        <source>404 Not Found: %1 on %2%3.</source>
        <translation>404 Not Found：%2%3 上的 %1。</translation>
    </message>
    <message>
        <source>409 Conflict: %1 on %2%3.</source>
        <translation>409 Conflict：%2%3 上的 %1。</translation>
    </message>
    <message numerus="yes">
        <source>HTTP %1 from the API server %2 to %3 after %n attempt(s)%4.</source>
        <translation>
            <numerusform>API 服务器 %2 对 %3 返回 HTTP %1（已尝试 %n 次）%4。</numerusform>
        </translation>
    </message>
    <message>
        <source>The API server %1 answered %2 with a response that is not valid Kubernetes JSON: %3.</source>
        <translation>API 服务器 %1 对 %2 的响应不是有效的 Kubernetes JSON：%3。</translation>
    </message>
</context>
<context>
    <name>Kubeconfig</name>
    <message>
        <source>The exec credential plugin &apos;%1&apos; did not finish within %2 s and was stopped.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 未在 %2 秒内完成，已被停止。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; was cancelled.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 已被取消。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; named in %2 needs an interactive session (interactiveMode Always), but none is available here.</source>
        <translation>%2 中指定的 exec 凭据插件 &apos;%1&apos; 需要交互式会话（interactiveMode Always），但此处没有可用的交互式会话。</translation>
    </message>
    <message>
        <source>Install it or fix the command in the kubeconfig.</source>
        <translation>请安装它或修正 kubeconfig 中的命令。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; named in %2 was not found. %3</source>
        <translation>未找到 %2 中指定的 exec 凭据插件 &apos;%1&apos;。%3</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed more output than any credential needs.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 输出的内容超出了任何凭据所需的长度。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; could not be started (%2).</source>
        <translation>无法启动 exec 凭据插件 &apos;%1&apos;（%2）。</translation>
    </message>
    <message>
        <source>it printed no error message</source>
        <translation>它未输出任何错误消息</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; crashed: %2</source>
        <translation>exec 凭据插件 &apos;%1&apos; 崩溃：%2</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; failed with exit code %2: %3</source>
        <translation>exec 凭据插件 &apos;%1&apos; 失败，退出代码 %2：%3</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed something that is not an ExecCredential JSON object on its standard output.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 在其标准输出上打印的内容不是 ExecCredential JSON 对象。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed kind &apos;%2&apos;, expected ExecCredential.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 输出的 kind 为 &apos;%2&apos;，预期为 ExecCredential。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; answered with apiVersion &apos;%2&apos;, but the kubeconfig asks for &apos;%3&apos;.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 返回的 apiVersion 为 &apos;%2&apos;，但 kubeconfig 要求 &apos;%3&apos;。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed an ExecCredential without a status.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 输出的 ExecCredential 不含 status。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed only one of status.clientCertificateData and status.clientKeyData.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 只输出了 status.clientCertificateData 和 status.clientKeyData 中的一个。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed neither status.token nor status.clientCertificateData and status.clientKeyData.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 既未输出 status.token，也未输出 status.clientCertificateData 和 status.clientKeyData。</translation>
    </message>
    <message>
        <source>The exec credential plugin &apos;%1&apos; printed status.expirationTimestamp &apos;%2&apos;, which is not an RFC 3339 time.</source>
        <translation>exec 凭据插件 &apos;%1&apos; 输出的 status.expirationTimestamp &apos;%2&apos; 不是 RFC 3339 时间。</translation>
    </message>
    <message>
        <source>%1:%2: &apos;%3&apos; refers to %4, which cannot be read (%5).</source>
        <translation>%1:%2：&apos;%3&apos; 引用了 %4，但无法读取该文件（%5）。</translation>
    </message>
    <message>
        <source>The kubeconfig %1 cannot be read (%2).</source>
        <translation>无法读取 kubeconfig %1（%2）。</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <source>The kubeconfig file %1 does not exist.</source>
        <translation>kubeconfig 文件 %1 不存在。</translation>
    </message>
    <message>
        <source>No kubeconfig file found; tried %1.</source>
        <translation>未找到 kubeconfig 文件；已尝试 %1。</translation>
    </message>
    <message>
        <source>No context is defined in %1.</source>
        <translation>%1 中未定义任何上下文。</translation>
    </message>
    <message>
        <source>No current-context is set in %1; choose one of: %2.</source>
        <translation>%1 中未设置 current-context；请从以下上下文中选择一个：%2。</translation>
    </message>
    <message>
        <source>Context &apos;%1&apos; is not defined in %2.</source>
        <translation>上下文 &apos;%1&apos; 未在 %2 中定义。</translation>
    </message>
    <message>
        <source>%1: context &apos;%2&apos; names no cluster.</source>
        <translation>%1：上下文 &apos;%2&apos; 未指定集群。</translation>
    </message>
    <message>
        <source>%1: context &apos;%2&apos; refers to cluster &apos;%3&apos;, which is not defined in %4.</source>
        <translation>%1：上下文 &apos;%2&apos; 引用了集群 &apos;%3&apos;，但该集群未在 %4 中定义。</translation>
    </message>
    <message>
        <source>%1: context &apos;%2&apos; refers to user &apos;%3&apos;, which is not defined in %4.</source>
        <translation>%1：上下文 &apos;%2&apos; 引用了用户 &apos;%3&apos;，但该用户未在 %4 中定义。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a string.</source>
        <translation>%1：&apos;%2&apos; 必须是字符串。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be true or false.</source>
        <translation>%1：&apos;%2&apos; 必须为 true 或 false。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not valid base64.</source>
        <translation>%1：&apos;%2&apos; 不是有效的 base64。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a mapping of keys to values.</source>
        <translation>%1：&apos;%2&apos; 必须是键到值的映射。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a list.</source>
        <translation>%1：&apos;%2&apos; 必须是列表。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a mapping with &apos;name&apos; and its settings.</source>
        <translation>%1：&apos;%2&apos; 必须是包含 &apos;name&apos; 及其设置的映射。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing.</source>
        <translation>%1：缺少 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; repeats the name &apos;%3&apos; already used at line %4.</source>
        <translation>%1：&apos;%2&apos; 重复使用了已在第 %4 行使用的名称 &apos;%3&apos;。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing; a cluster needs a server.</source>
        <translation>%1：缺少 &apos;%2&apos;；集群需要一个服务器。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; sets both certificate-authority and certificate-authority-data; keep one.</source>
        <translation>%1：&apos;%2&apos; 同时设置了 certificate-authority 和 certificate-authority-data；请只保留一个。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; sets insecure-skip-tls-verify together with a certificate authority; keep one.</source>
        <translation>%1：&apos;%2&apos; 同时设置了 insecure-skip-tls-verify 和证书颁发机构；请只保留一个。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; sets both client-certificate and client-certificate-data; keep one.</source>
        <translation>%1：&apos;%2&apos; 同时设置了 client-certificate 和 client-certificate-data；请只保留一个。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; sets both client-key and client-key-data; keep one.</source>
        <translation>%1：&apos;%2&apos; 同时设置了 client-key 和 client-key-data；请只保留一个。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; has a client certificate without a client key or a key without a certificate.</source>
        <translation>%1：&apos;%2&apos; 有客户端证书但没有客户端密钥，或有密钥但没有证书。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; uses the auth-provider &apos;%3&apos;, which Kubernetes clients no longer support; convert the kubeconfig to an exec plugin (for AKS: kubelogin convert-kubeconfig).</source>
        <translation>%1：&apos;%2&apos; 使用了 auth-provider &apos;%3&apos;，Kubernetes 客户端已不再支持；请将 kubeconfig 转换为 exec 插件（对于 AKS：kubelogin convert-kubeconfig）。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; uses username/password (basic) authentication, which NodeTriage does not support; use a token, a client certificate or an exec plugin such as kubelogin.</source>
        <translation>%1：&apos;%2&apos; 使用用户名/密码（basic）身份验证，NodeTriage 不支持该方式；请使用令牌、客户端证书或 exec 插件（例如 kubelogin）。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be a mapping with &apos;name&apos; and &apos;value&apos;.</source>
        <translation>%1：&apos;%2&apos; 必须是包含 &apos;name&apos; 和 &apos;value&apos; 的映射。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is %3, which Kubernetes no longer supports; change it to %4 or %5.</source>
        <translation>%1：&apos;%2&apos; 为 %3，Kubernetes 已不再支持；请将其改为 %4 或 %5。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is %3; supported are %4 and %5.</source>
        <translation>%1：&apos;%2&apos; 为 %3；支持的值为 %4 和 %5。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is missing; %3 requires it (Never, IfAvailable or Always).</source>
        <translation>%1：缺少 &apos;%2&apos;；%3 需要它（Never、IfAvailable 或 Always）。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; must be Never, IfAvailable or Always.</source>
        <translation>%1：&apos;%2&apos; 必须为 Never、IfAvailable 或 Always。</translation>
    </message>
    <message>
        <source>%1: the kubeconfig could not be read: %2</source>
        <translation>%1：无法读取 kubeconfig：%2</translation>
    </message>
</context>
<context>
    <name>NodeCheck</name>
    <message numerus="yes">
        <source>%n tunnel failure line(s) in the last 200 log lines</source>
        <translation>
            <numerusform>最近 200 行日志中有 %n 行隧道故障</numerusform>
        </translation>
    </message>
    <message>
        <source>The container runtime did not answer: %1</source>
        <translation>容器运行时未响应：%1</translation>
    </message>
    <message>
        <source>%1 %2 (%3) %4</source>
        <translation>%1 %2 (%3) %4</translation>
    </message>
    <message>
        <source>No konnectivity, tunnelfront or aks-link container on this node (%1)</source>
        <translation>此节点上没有 konnectivity、tunnelfront 或 aks-link 容器（%1）</translation>
    </message>
    <message>
        <source>The %1 tunnel container is running</source>
        <translation>%1 隧道容器正在运行</translation>
    </message>
    <message>
        <source>The %1 tunnel container is not running</source>
        <translation>%1 隧道容器未运行</translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <source>The API server name resolves (%1) to %2</source>
        <translation>API 服务器名称（%1）解析为 %2</translation>
    </message>
    <message>
        <source>The API server name does not exist (NXDOMAIN) for %1</source>
        <translation>对于 %1，API 服务器名称不存在（NXDOMAIN）</translation>
    </message>
    <message>
        <source>%1 has no address for the API server name</source>
        <translation>%1 没有 API 服务器名称的地址</translation>
    </message>
    <message>
        <source>%1 answered %2 for the API server name</source>
        <translation>%1 对 API 服务器名称的应答为 %2</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <source>Neither nslookup nor dig is installed on the node: %1</source>
        <translation>节点上既未安装 nslookup 也未安装 dig：%1</translation>
    </message>
    <message>
        <source>The lookup&apos;s output was not understood</source>
        <translation>无法理解查询的输出</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
    <message>
        <source>canonical name %1</source>
        <translation>规范名称 %1</translation>
    </message>
    <message>
        <source>The API server accepts connections on port %1</source>
        <translation>API 服务器在端口 %1 上接受连接</translation>
    </message>
    <message>
        <source>The API server refused the connection on port %1</source>
        <translation>API 服务器拒绝了端口 %1 上的连接</translation>
    </message>
    <message>
        <source>No answer from the API server on port %1 within 5 s (a firewall or NSG dropping egress?)</source>
        <translation>API 服务器在 5 秒内未在端口 %1 上响应（是否有防火墙或 NSG 丢弃了出站流量？）</translation>
    </message>
    <message>
        <source>No route to the API server for port %1</source>
        <translation>没有到 API 服务器端口 %1 的路由</translation>
    </message>
    <message>
        <source>The node cannot resolve the API server name</source>
        <translation>节点无法解析 API 服务器名称</translation>
    </message>
    <message>
        <source>The probe could not run</source>
        <translation>探测无法运行</translation>
    </message>
    <message>
        <source>The kubelet journal could not be read: %1</source>
        <translation>无法读取 kubelet 日志：%1</translation>
    </message>
    <message>
        <source>No kubelet journal entries in that time</source>
        <translation>该时间段内没有 kubelet 日志条目</translation>
    </message>
    <message>
        <source>%1 kubelet journal lines, %2 errors, %3 start(s)</source>
        <translation>%1 行 kubelet 日志，%2 个错误，%3 次启动</translation>
    </message>
    <message>
        <source>%1: %2 reads, %3 writes, %4 in flight, %5 ms doing I/O</source>
        <translation>%1：%2 次读取，%3 次写入，%4 个进行中，%5 毫秒用于 I/O</translation>
    </message>
    <message>
        <source>iowait %1% of CPU time since boot</source>
        <translation>自启动以来 iowait 占 CPU 时间的 %1%</translation>
    </message>
    <message>
        <source>I/O pressure some avg10 %1%, avg60 %2%</source>
        <translation>I/O 压力 some avg10 %1%，avg60 %2%</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Tunnel containers</source>
        <translation>隧道容器</translation>
    </message>
    <message>
        <source>Tunnel container logs</source>
        <translation>隧道容器日志</translation>
    </message>
    <message>
        <source>Resolve API server (node&apos;s resolver)</source>
        <translation>解析 API 服务器（节点的解析器）</translation>
    </message>
    <message>
        <source>Resolve API server (168.63.129.16)</source>
        <translation>解析 API 服务器（168.63.129.16）</translation>
    </message>
    <message>
        <source>Probe API server :443</source>
        <translation>探测 API 服务器 :443</translation>
    </message>
    <message>
        <source>Probe API server :9000 (tunnelfront)</source>
        <translation>探测 API 服务器 :9000（tunnelfront）</translation>
    </message>
    <message>
        <source>Kubelet journal since...</source>
        <translation>kubelet 日志，起始于...</translation>
    </message>
    <message>
        <source>Disk readings (/proc)</source>
        <translation>磁盘读数（/proc）</translation>
    </message>
    <message>
        <source>the node&apos;s resolver</source>
        <translation>节点的解析器</translation>
    </message>
    <message>
        <source>Azure DNS 168.63.129.16</source>
        <translation>Azure DNS 168.63.129.16</translation>
    </message>
    <message>
        <source>The DNS server must be an IPv4 address, not &quot;%1&quot;</source>
        <translation>DNS 服务器必须是 IPv4 地址，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The DNS server&apos;s port must be from 1 to 65535, not %1</source>
        <translation>DNS 服务器的端口必须在 1 到 65535 之间，而不是 %1</translation>
    </message>
    <message>
        <source>The port to probe must be from 1 to 65535, not %1</source>
        <translation>要探测的端口必须在 1 到 65535 之间，而不是 %1</translation>
    </message>
</context>
<context>
    <name>NodeVantage</name>
    <message>
        <source>%1 resolves it to %2</source>
        <translation>%1 将其解析为 %2</translation>
    </message>
    <message>
        <source>%1 answers NXDOMAIN</source>
        <translation>%1 应答 NXDOMAIN</translation>
    </message>
    <message>
        <source>%1 has no address for it</source>
        <translation>%1 没有它的地址</translation>
    </message>
    <message>
        <source>%1 answers %2</source>
        <translation>%1 应答 %2</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <source>neither nslookup nor dig is installed: %1</source>
        <translation>既未安装 nslookup 也未安装 dig：%1</translation>
    </message>
    <message>
        <source>the lookup&apos;s output was not understood</source>
        <translation>无法理解查询的输出</translation>
    </message>
    <message>
        <source>%1 accepts connections</source>
        <translation>%1 接受连接</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <source>no answer from %1 within 5 s</source>
        <translation>%1 在 5 秒内没有应答</translation>
    </message>
    <message>
        <source>no route to %1</source>
        <translation>没有到 %1 的路由</translation>
    </message>
    <message>
        <source>the node cannot resolve %1</source>
        <translation>节点无法解析 %1</translation>
    </message>
    <message>
        <source>the probe of %1 could not run</source>
        <translation>无法运行对 %1 的探测</translation>
    </message>
    <message>
        <source>Node %1 (%2) could not be reached over SSH: %3</source>
        <translation>无法通过 SSH 访问节点 %1（%2）：%3</translation>
    </message>
    <message>
        <source>no InternalIP</source>
        <translation>没有 InternalIP</translation>
    </message>
    <message>
        <source>it has no InternalIP address</source>
        <translation>它没有 InternalIP 地址</translation>
    </message>
    <message>
        <source>the check was cancelled</source>
        <translation>检查已被取消</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内没有应答</translation>
    </message>
    <message>
        <source>no answer within the node&apos;s %1 s</source>
        <translation>在节点的 %1 秒内没有应答</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no command template %1</source>
        <translation>没有命令模板 %1</translation>
    </message>
    <message>
        <source>the container runtime could not be asked (%1: %2)</source>
        <translation>无法查询容器运行时（%1：%2）</translation>
    </message>
    <message>
        <source>%1 (--node-dns-server, instead of the node&apos;s resolver)</source>
        <translation>%1（--node-dns-server，代替节点的解析器）</translation>
    </message>
    <message>
        <source>the node&apos;s resolver</source>
        <translation>节点的解析器</translation>
    </message>
    <message>
        <source>%1 (--node-dns-server, instead of 168.63.129.16)</source>
        <translation>%1（--node-dns-server，代替 168.63.129.16）</translation>
    </message>
    <message>
        <source>Azure DNS 168.63.129.16</source>
        <translation>Azure DNS 168.63.129.16</translation>
    </message>
    <message>
        <source>%1 over SSH, %2: %3 [%4]</source>
        <translation>通过 SSH 执行 %1，%2：%3 [%4]</translation>
    </message>
    <message>
        <source>Node %1: %2.</source>
        <translation>节点 %1：%2。</translation>
    </message>
    <message>
        <source>TCP probe</source>
        <translation>TCP 探测</translation>
    </message>
    <message>
        <source>From node %1 the API server cannot be reached: %2</source>
        <translation>从节点 %1 无法访问 API 服务器：%2</translation>
    </message>
    <message>
        <source>tunnel containers</source>
        <translation>隧道容器</translation>
    </message>
    <message>
        <source>tunnel logs</source>
        <translation>隧道日志</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>over SSH on %1: %2</source>
        <translation>在 %1 上通过 SSH：%2</translation>
    </message>
    <message>
        <source>no node was visited</source>
        <translation>没有访问任何节点</translation>
    </message>
    <message>
        <source>kubelet journal</source>
        <translation>kubelet 日志（journal）</translation>
    </message>
</context>
<context>
    <name>QCoreApplication::Tr</name>
    <message>
        <source>No tunnel failure in the last 200 log lines</source>
        <translation>最近 200 行日志中没有隧道故障</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>CPU use</source>
        <translation>CPU 使用率</translation>
    </message>
    <message>
        <source>Memory use</source>
        <translation>内存使用量</translation>
    </message>
    <message>
        <source>PIDs in use</source>
        <translation>已用 PID</translation>
    </message>
    <message>
        <source>Root filesystem use</source>
        <translation>根文件系统使用率</translation>
    </message>
    <message>
        <source>Kubelet runtime errors</source>
        <translation>kubelet 运行时错误</translation>
    </message>
    <message>
        <source>PLEG relist p99</source>
        <translation>PLEG relist p99</translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>驱逐</translation>
    </message>
    <message>
        <source>Read IOPS</source>
        <translation>读取 IOPS</translation>
    </message>
    <message>
        <source>Write IOPS</source>
        <translation>写入 IOPS</translation>
    </message>
    <message>
        <source>Disk utilisation</source>
        <translation>磁盘利用率</translation>
    </message>
    <message>
        <source>I/O wait</source>
        <translation>I/O 等待</translation>
    </message>
</context>
<context>
    <name>Sampling</name>
    <message>
        <source>The cAdvisor metrics of node %1 could not be read (line %2: %3).</source>
        <translation>无法读取节点 %1 的 cAdvisor 指标（第 %2 行：%3）。</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 未在 %2 秒内响应。</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3%4.</source>
        <translation>%1 返回 HTTP %2 %3%4。</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2.</source>
        <translation>无法访问 %1：%2。</translation>
    </message>
    <message>
        <source>The kubelet metrics of node %1 hold no kubelet series.</source>
        <translation>节点 %1 的 kubelet 指标中没有 kubelet 序列。</translation>
    </message>
    <message>
        <source>The kubelet summary of node %1 is not a Summary object.</source>
        <translation>节点 %1 的 kubelet 摘要不是 Summary 对象。</translation>
    </message>
    <message>
        <source>node_exporter of node %1 at %2</source>
        <translation>节点 %1 的 node_exporter（位于 %2）</translation>
    </message>
    <message>
        <source>The node_exporter metrics of node %1 hold no node_* series.</source>
        <translation>节点 %1 的 node_exporter 指标中没有 node_* 序列。</translation>
    </message>
    <message>
        <source>The metrics.k8s.io node list is not a NodeMetricsList.</source>
        <translation>metrics.k8s.io 节点列表不是 NodeMetricsList。</translation>
    </message>
    <message>
        <source>The Prometheus answer is not JSON.</source>
        <translation>Prometheus 的响应不是 JSON。</translation>
    </message>
    <message>
        <source>Prometheus refused the query: %1.</source>
        <translation>Prometheus 拒绝了查询：%1。</translation>
    </message>
    <message>
        <source>The Prometheus answer holds no %1 result.</source>
        <translation>Prometheus 的响应中没有 %1 结果。</translation>
    </message>
    <message>
        <source>Prometheus at %1</source>
        <translation>位于 %1 的 Prometheus</translation>
    </message>
    <message>
        <source>kubelet summary</source>
        <translation>kubelet 摘要</translation>
    </message>
    <message>
        <source>kubelet metrics</source>
        <translation>kubelet 指标</translation>
    </message>
    <message>
        <source>kubelet cAdvisor</source>
        <translation>kubelet cAdvisor</translation>
    </message>
    <message>
        <source>metrics.k8s.io</source>
        <translation>metrics.k8s.io</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>node_exporter</source>
        <translation>node_exporter</translation>
    </message>
    <message>
        <source>/proc over SSH</source>
        <translation>通过 SSH 读取 /proc</translation>
    </message>
    <message>
        <source>%1 Sampling CPU and memory from metrics.k8s.io instead.</source>
        <translation>%1 改为从 metrics.k8s.io 采样 CPU 和内存。</translation>
    </message>
    <message>
        <source>Sampling node %1 through the %2 failed: %3</source>
        <translation>通过 %2 对节点 %1 采样失败：%3</translation>
    </message>
    <message>
        <source>Reading /proc of node %1 over SSH failed: %2</source>
        <translation>通过 SSH 读取节点 %1 的 /proc 失败：%2</translation>
    </message>
    <message>
        <source>Reading /proc of node %1 over SSH gave no /proc/stat (exit status %2): %3</source>
        <translation>通过 SSH 读取节点 %1 的 /proc 时未得到 /proc/stat（退出状态 %2）：%3</translation>
    </message>
    <message>
        <source>The /proc of node %1 read over SSH holds no CPU counters (/proc/stat).</source>
        <translation>通过 SSH 读取的节点 %1 的 /proc 中没有 CPU 计数器（/proc/stat）。</translation>
    </message>
</context>
<context>
    <name>Ssh</name>
    <message>
        <source>the jump host %1 closed the connection: %2</source>
        <translation>跳板机 %1 关闭了连接：%2</translation>
    </message>
    <message>
        <source>The shell on %1 ended without an exit status</source>
        <translation>%1 上的 shell 结束时没有退出状态</translation>
    </message>
    <message>
        <source>host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>node name</source>
        <translation>节点名称</translation>
    </message>
    <message>
        <source>container id</source>
        <translation>容器 ID</translation>
    </message>
    <message>
        <source>journal start time (YYYY-MM-DD HH:MM[:SS] or -N min|h|d)</source>
        <translation>日志起始时间（YYYY-MM-DD HH:MM[:SS] 或 -N min|h|d）</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; has no argument &apos;%2&apos;</source>
        <translation>命令 &apos;%1&apos; 没有参数 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>The command &apos;%1&apos; needs its argument &apos;%2&apos;</source>
        <translation>命令 &apos;%1&apos; 需要参数 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Refused to run &apos;%1&apos; on the node: %2 is not a valid %3</source>
        <translation>拒绝在节点上运行 &apos;%1&apos;：%2 不是有效的 %3</translation>
    </message>
    <message>
        <source>WARNING: the host key of %1 has CHANGED and does not match %2; the server now offers %3 %4. Someone may be intercepting the connection, or the host was rebuilt: confirm the new fingerprint with its owner, then remove that line (ssh-keygen -R &apos;%5&apos;). Refused before authenticating.</source>
        <translation>警告：%1 的主机密钥已更改，与 %2 不匹配；服务器现在提供的是 %3 %4。可能有人正在拦截连接，或主机已被重建：请向其所有者确认新的指纹，然后删除该行（ssh-keygen -R &apos;%5&apos;）。已在身份验证前拒绝连接。</translation>
    </message>
    <message>
        <source>%1 sent no usable host key: %2</source>
        <translation>%1 未发送可用的主机密钥：%2</translation>
    </message>
    <message>
        <source>Cannot check the host key of %1 against %2: %3</source>
        <translation>无法对照 %2 检查 %1 的主机密钥：%3</translation>
    </message>
    <message>
        <source>Cannot save the host key of %1 to %2: %3</source>
        <translation>无法将 %1 的主机密钥保存到 %2：%3</translation>
    </message>
    <message>
        <source>The host %1 is not in %2; its %3 key fingerprint is %4. Refused: check the fingerprint, then trust it (nodetriage ssh --accept-new-host-key).</source>
        <translation>主机 %1 不在 %2 中；其 %3 密钥指纹为 %4。已拒绝：请核对指纹，然后信任它（nodetriage ssh --accept-new-host-key）。</translation>
    </message>
    <message>
        <source>no key in the agent was accepted</source>
        <translation>代理中的密钥均未被接受</translation>
    </message>
    <message>
        <source>the key %1 is not accepted</source>
        <translation>密钥 %1 未被接受</translation>
    </message>
    <message>
        <source>no passphrase was given for the key %1</source>
        <translation>未提供密钥 %1 的密码短语</translation>
    </message>
    <message>
        <source>wrong passphrase for the key %1</source>
        <translation>密钥 %1 的密码短语错误</translation>
    </message>
    <message>
        <source>cannot read the key %1 (not an OpenSSH or PEM private key?)</source>
        <translation>无法读取密钥 %1（不是 OpenSSH 或 PEM 私钥？）</translation>
    </message>
    <message>
        <source>keyboard-interactive authentication was declined</source>
        <translation>keyboard-interactive 认证被拒绝</translation>
    </message>
    <message>
        <source>keyboard-interactive authentication was refused</source>
        <translation>keyboard-interactive 认证被服务器拒绝</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>the password was refused</source>
        <translation>密码被拒绝</translation>
    </message>
    <message>
        <source>the password was refused %1 times</source>
        <translation>密码被拒绝了 %1 次</translation>
    </message>
    <message>
        <source>Connecting to %1 was canceled</source>
        <translation>已取消连接到 %1</translation>
    </message>
    <message>
        <source>Connection to %1 lost during authentication: %2</source>
        <translation>身份验证期间与 %1 的连接断开：%2</translation>
    </message>
    <message>
        <source>no key or password to offer</source>
        <translation>没有可提供的密钥或密码</translation>
    </message>
    <message>
        <source>Permission denied for %1 (the server accepts: %2): %3</source>
        <translation>%1 的权限被拒绝（服务器接受：%2）：%3</translation>
    </message>
    <message>
        <source>Permission denied for %1: more authentication was required than we can give</source>
        <translation>%1 的权限被拒绝：服务器要求的身份验证超出了我们能提供的范围</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Running &apos;%1&apos;</source>
        <translation>正在运行 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Opening a shell</source>
        <translation>正在打开 shell</translation>
    </message>
    <message>
        <source>Sending input</source>
        <translation>正在发送输入</translation>
    </message>
    <message>
        <source>Resizing the terminal</source>
        <translation>正在调整终端大小</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>--ssh-port must be a number from 1 to 65535, not &apos;%1&apos;</source>
        <translation>--ssh-port 必须是 1 到 65535 之间的数字，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Unknown option %1 (see nodetriage ssh --help)</source>
        <translation>未知选项 %1（参见 nodetriage ssh --help）</translation>
    </message>
    <message>
        <source>Usage: nodetriage ssh [options] [USER@]HOST [-- COMMAND...]
  --ssh-config FILE (-F)    SSH config to read (default ~/.ssh/config)
  --ssh-user USER (-l)      user name
  --ssh-key FILE (-i)       identity file (repeatable)
  --ssh-port PORT (-p)      port
  --ssh-jump LIST (-J)      jump hosts: [user@]host[:port][,...]
  --known-hosts FILE        known_hosts to check and update
  --accept-new-host-key     trust an unknown host key and save it
  --password-stdin          read the password from the first line of stdin
</source>
        <translation>用法：nodetriage ssh [options] [USER@]HOST [-- COMMAND...]
  --ssh-config FILE (-F)    要读取的 SSH 配置（默认 ~/.ssh/config）
  --ssh-user USER (-l)      用户名
  --ssh-key FILE (-i)       身份文件（可重复）
  --ssh-port PORT (-p)      端口
  --ssh-jump LIST (-J)      跳板机：[user@]host[:port][,...]
  --known-hosts FILE        要检查和更新的 known_hosts
  --accept-new-host-key     信任未知的主机密钥并保存
  --password-stdin          从标准输入的第一行读取密码
</translation>
    </message>
    <message>
        <source>Give the host to connect to: [USER@]HOST</source>
        <translation>请指定要连接的主机：[USER@]HOST</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>%1 的密码短语：</translation>
    </message>
    <message>
        <source>Wrong passphrase; passphrase for %1:</source>
        <translation>密码短语错误；%1 的密码短语：</translation>
    </message>
    <message>
        <source>Permission denied, please try again.</source>
        <translation>权限被拒绝，请重试。</translation>
    </message>
    <message>
        <source>The command was killed by signal %1 on %2</source>
        <translation>命令在 %2 上被信号 %1 终止</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Cannot read the SSH config %1: %2</source>
        <translation>无法读取 SSH 配置 %1：%2</translation>
    </message>
    <message>
        <source>%1: cannot read this line of the SSH config</source>
        <translation>%1：无法读取 SSH 配置的这一行</translation>
    </message>
    <message>
        <source>%1: Port must be a number from 1 to 65535, not &apos;%2&apos;</source>
        <translation>%1：Port 必须是 1 到 65535 之间的数字，而不是 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Bad jump host &apos;%1&apos;: expected [user@]host[:port]</source>
        <translation>跳板机 &apos;%1&apos; 无效：应为 [user@]host[:port]</translation>
    </message>
    <message>
        <source>Cannot set up the SSH session to %1: %2</source>
        <translation>无法建立到 %1 的 SSH 会话：%2</translation>
    </message>
    <message>
        <source>Cannot create an SSH session</source>
        <translation>无法创建 SSH 会话</translation>
    </message>
    <message>
        <source>SSH handshake with %1 failed: %2</source>
        <translation>与 %1 的 SSH 握手失败：%2</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>The jump host %1 cannot open a connection to %2:%3: %4</source>
        <translation>跳板机 %1 无法建立到 %2:%3 的连接：%4</translation>
    </message>
    <message>
        <source>Cannot create a socket pair for the jump host %1</source>
        <translation>无法为跳板机 %1 创建套接字对</translation>
    </message>
    <message>
        <source>Disconnected from %1 while running &apos;%2&apos;</source>
        <translation>运行“%2”时与 %1 的连接断开</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>服务器关闭了连接</translation>
    </message>
    <message>
        <source>The connection to %1 was canceled</source>
        <translation>到 %1 的连接已取消</translation>
    </message>
    <message>
        <source>Connection to %1 lost: %2</source>
        <translation>与 %1 的连接丢失：%2</translation>
    </message>
    <message>
        <source>Running &apos;%1&apos; on %2 was canceled</source>
        <translation>在 %2 上运行“%1”已取消</translation>
    </message>
    <message>
        <source>Connection to %1 lost while running &apos;%2&apos;: %3</source>
        <translation>运行“%2”时与 %1 的连接丢失：%3</translation>
    </message>
    <message>
        <source>Not connected: cannot run &apos;%1&apos;</source>
        <translation>未连接：无法运行“%1”</translation>
    </message>
    <message>
        <source>Not connected: cannot open a shell</source>
        <translation>未连接：无法打开 shell</translation>
    </message>
    <message>
        <source>Cannot resolve %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out after %2 ms</source>
        <translation>连接到 %1 在 %2 毫秒后超时</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>the keyboard-interactive answers were refused</source>
        <translation>keyboard-interactive 认证的回答被拒绝</translation>
    </message>
    <message>
        <source>the keyboard-interactive answers were refused %1 times</source>
        <translation>keyboard-interactive 认证的回答被拒绝了 %1 次</translation>
    </message>
</context>
<context>
    <name>StepFive</name>
    <message>
        <source>%1 is True since %2: %3</source>
        <translation>%1 自 %2 起为 True：%3</translation>
    </message>
    <message>
        <source>Node %1 carries only the kubelet&apos;s conditions.</source>
        <translation>节点 %1 仅带有 kubelet 的条件。</translation>
    </message>
    <message>
        <source>%1 of %2 nodes carry only the kubelet&apos;s conditions.</source>
        <translation>%2 个节点中有 %1 个仅带有 kubelet 的条件。</translation>
    </message>
    <message>
        <source>Node events could not be read, so NPD events were not checked: %1</source>
        <translation>无法读取节点事件，因此未检查 NPD 事件：%1</translation>
    </message>
    <message>
        <source>%1 reported %2 times in the last hour: %3</source>
        <translation>%1 在过去一小时内报告了 %2 次：%3</translation>
    </message>
</context>
<context>
    <name>StepFour</name>
    <message>
        <source>Node events could not be read; restarts and evictions are judged from metrics only: %1</source>
        <translation>无法读取节点事件；重启和驱逐仅根据指标判断：%1</translation>
    </message>
    <message>
        <source>ssh &lt;user&gt;@%1 sudo journalctl -u kubelet --since &quot;-30 min&quot;</source>
        <translation>ssh &lt;user&gt;@%1 sudo journalctl -u kubelet --since &quot;-30 min&quot;</translation>
    </message>
    <message>
        <source>The kubelet restarted %1 times during the window (its uptime dropped).</source>
        <translation>kubelet 在采样时段内重启了 %1 次（其运行时间下降）。</translation>
    </message>
    <message>
        <source>The kubelet started %1 times in the last %2 minutes.</source>
        <translation>kubelet 在过去 %2 分钟内启动了 %1 次。</translation>
    </message>
    <message>
        <source>kubelet uptime (s) over the window: %1</source>
        <translation>采样时段内的 kubelet 运行时间（秒）：%1</translation>
    </message>
    <message>
        <source>runtime operation errors</source>
        <translation>运行时操作错误</translation>
    </message>
    <message>
        <source>pod/container start errors</source>
        <translation>Pod/容器启动错误</translation>
    </message>
    <message>
        <source>%1 grew in most samples of the window, not in a single blip.</source>
        <translation>%1 在采样时段的大多数样本中都在增长，而非单次突增。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>kubelet_runtime_operations_errors_total per second: %1</source>
        <translation>kubelet_runtime_operations_errors_total 每秒：%1</translation>
    </message>
    <message>
        <source>kubelet_started_{pods,containers}_errors_total per second: %1</source>
        <translation>kubelet_started_{pods,containers}_errors_total 每秒：%1</translation>
    </message>
    <message>
        <source>PLEG relist p99 stayed at or above %1 s during the window.</source>
        <translation>采样时段内 PLEG relist p99 始终不低于 %1 秒。</translation>
    </message>
    <message>
        <source>PLEG relist p99 (s): %1</source>
        <translation>PLEG relist p99（秒）：%1</translation>
    </message>
    <message>
        <source>The kubelet evicted pods during the window.</source>
        <translation>kubelet 在采样时段内驱逐了 Pod。</translation>
    </message>
    <message>
        <source>The kubelet evicted pods in the last hour.</source>
        <translation>kubelet 在过去一小时内驱逐了 Pod。</translation>
    </message>
    <message>
        <source>kubelet_evictions per second: %1</source>
        <translation>kubelet_evictions 每秒：%1</translation>
    </message>
    <message>
        <source>%1 pods run on a node with room for %2 (above %3%).</source>
        <translation>%1 个 Pod 运行在容量为 %2 的节点上（超过 %3%）。</translation>
    </message>
    <message>
        <source>Kubelet %1 runs against control plane %2.</source>
        <translation>kubelet 版本为 %1，而控制平面版本为 %2。</translation>
    </message>
    <message>
        <source>GET /api/v1/nodes/%1/proxy/metrics failed: %2</source>
        <translation>GET /api/v1/nodes/%1/proxy/metrics 失败：%2</translation>
    </message>
    <message>
        <source>The kubelet metrics of %1 nodes could not be read.</source>
        <translation>无法读取 %1 个节点的 kubelet 指标。</translation>
    </message>
</context>
<context>
    <name>StepOne</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source> since %1 (%2)</source>
        <translation>，自 %1 起（%2）</translation>
    </message>
    <message>
        <source>Node %1 has no Ready condition yet; its readiness was not judged.</source>
        <translation>节点 %1 尚无 Ready 条件；未判断其就绪状态。</translation>
    </message>
    <message>
        <source>Ready is Unknown%1: %2</source>
        <translation>Ready 为 Unknown%1：%2</translation>
    </message>
    <message>
        <source>Ready is False%1: %2</source>
        <translation>Ready 为 False%1：%2</translation>
    </message>
    <message>
        <source>Node %1 reports Ready status &quot;%2&quot;, which is not one Kubernetes defines; its readiness was not judged.</source>
        <translation>节点 %1 报告的 Ready 状态 &quot;%2&quot; 不是 Kubernetes 定义的值；未判断其就绪状态。</translation>
    </message>
    <message>
        <source>The node is marked unschedulable: no new pods are placed on it.</source>
        <translation>节点已标记为不可调度：不会有新 Pod 调度到该节点。</translation>
    </message>
    <message>
        <source>%1 is True%2: %3</source>
        <translation>%1 为 True%2：%3</translation>
    </message>
    <message>
        <source>The node carries %1.</source>
        <translation>节点带有 %1。</translation>
    </message>
    <message>
        <source>Last heartbeat %1 ago (%2), more than the %3 allowed.</source>
        <translation>上次心跳在 %1 前（%2），超过了允许的 %3。</translation>
    </message>
    <message>
        <source>Ready changed at least %1 times in the last %2.</source>
        <translation>在过去 %2 内 Ready 至少变化了 %1 次。</translation>
    </message>
    <message>
        <source>Node leases could not be read (%1); heartbeats were judged from the Ready condition&apos;s lastHeartbeatTime, which the kubelet refreshes only every 5 minutes when nothing changes.</source>
        <translation>无法读取节点租约（%1）；心跳根据 Ready 条件的 lastHeartbeatTime 判断，而在没有变化时 kubelet 每 5 分钟才刷新一次该值。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>The cluster has no nodes.</source>
        <translation>集群中没有节点。</translation>
    </message>
    <message>
        <source>%1 of %2 nodes carry no node pool label (kubernetes.azure.com/agentpool or agentpool); their pool is shown as unknown.</source>
        <translation>%2 个节点中有 %1 个没有节点池标签（kubernetes.azure.com/agentpool 或 agentpool）；其节点池显示为未知。</translation>
    </message>
    <message>
        <source>%1 nodes have no Lease in kube-node-lease (first: %2); their heartbeat was judged from the Ready condition.</source>
        <translation>%1 个节点在 kube-node-lease 中没有租约（第一个：%2）；其心跳根据 Ready 条件判断。</translation>
    </message>
    <message>
        <source>Readiness flapping needs observation over time (--duration above 0); this run took one snapshot.</source>
        <translation>判断就绪状态抖动需要随时间观察（--duration 大于 0）；本次运行只获取了一次快照。</translation>
    </message>
</context>
<context>
    <name>StepSix</name>
    <message>
        <source>ssh &lt;user&gt;@%1 iostat -x 5 3</source>
        <translation>ssh &lt;user&gt;@%1 iostat -x 5 3</translation>
    </message>
    <message>
        <source>Read + write IOPS stayed at the cap of %1 IOPS (peak %2) during the window.</source>
        <translation>采样时段内读 + 写 IOPS 始终处于 %1 IOPS 的上限（峰值 %2）。</translation>
    </message>
    <message>
        <source>IOPS: %1</source>
        <translation>IOPS：%1</translation>
    </message>
    <message>
        <source>disk: %1, %2</source>
        <translation>磁盘：%1，%2</translation>
    </message>
    <message>
        <source>VM: %1</source>
        <translation>VM：%1</translation>
    </message>
    <message>
        <source>Read + write throughput stayed at the cap of %1 MB/s (peak %2 MB/s) during the window.</source>
        <translation>采样时段内读 + 写吞吐量始终处于 %1 MB/s 的上限（峰值 %2 MB/s）。</translation>
    </message>
    <message>
        <source>MB/s: %1</source>
        <translation>MB/s：%1</translation>
    </message>
    <message>
        <source>The disk&apos;s average queue (rate of io_time_weighted) stayed above %1.</source>
        <translation>磁盘的平均队列（io_time_weighted 的速率）始终高于 %1。</translation>
    </message>
    <message>
        <source>queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <source>Some tasks waited on I/O at least %1% of the time.</source>
        <translation>部分任务至少有 %1% 的时间在等待 I/O。</translation>
    </message>
    <message>
        <source>PSI io some (%): %1</source>
        <translation>PSI io some (%)：%1</translation>
    </message>
    <message>
        <source>ssh &lt;user&gt;@%1 cat /proc/pressure/io</source>
        <translation>ssh &lt;user&gt;@%1 cat /proc/pressure/io</translation>
    </message>
    <message>
        <source>CPU I/O wait stayed above %1%.</source>
        <translation>CPU I/O 等待始终高于 %1%。</translation>
    </message>
    <message>
        <source>iowait (%): %1</source>
        <translation>iowait (%)：%1</translation>
    </message>
    <message>
        <source>Throttling was not judged: %1.</source>
        <translation>未判断限流：%1。</translation>
    </message>
    <message>
        <source>Throttling was not judged on %1 nodes.</source>
        <translation>有 %1 个节点未判断限流。</translation>
    </message>
    <message>
        <source>No node reported disk counters over two samples, so IOPS and MB/s were not judged (use --duration of at least two intervals).</source>
        <translation>没有节点在两个样本中报告磁盘计数器，因此未判断 IOPS 和 MB/s（请将 --duration 设为至少两个采样间隔）。</translation>
    </message>
    <message>
        <source>Disk counters of %1 nodes could not be read.</source>
        <translation>无法读取 %1 个节点的磁盘计数器。</translation>
    </message>
</context>
<context>
    <name>StepThree</name>
    <message>
        <source>the probe pod could not be created: %1</source>
        <translation>无法创建探测 Pod：%1</translation>
    </message>
    <message>
        <source>the check was cancelled before the probe pod %1 answered</source>
        <translation>探测 Pod %1 应答之前检查已被取消</translation>
    </message>
    <message>
        <source>the probe pod %1 gave no answer within %2 s</source>
        <translation>探测 Pod %1 未在 %2 秒内给出应答</translation>
    </message>
    <message>
        <source>The probe pod %1 could not be deleted; delete it with &quot;kubectl delete pod %1 -n %2&quot;: %3</source>
        <translation>无法删除探测 Pod %1；请使用 &quot;kubectl delete pod %1 -n %2&quot; 删除：%3</translation>
    </message>
    <message>
        <source>%1 of %2 CoreDNS replicas are ready.</source>
        <translation>%2 个 CoreDNS 副本中有 %1 个已就绪。</translation>
    </message>
    <message>
        <source>No CoreDNS deployment (label k8s-app=kube-dns) in kube-system; its health was not checked.</source>
        <translation>kube-system 中没有 CoreDNS 部署（标签 k8s-app=kube-dns）；未检查其健康状况。</translation>
    </message>
    <message>
        <source>The API server&apos;s name is unknown (the server URL is an address and the certificate names none); pass --fqdn to check its resolution.</source>
        <translation>API 服务器的名称未知（服务器 URL 是地址，且证书中未包含名称）；请传入 --fqdn 以检查其解析。</translation>
    </message>
    <message>
        <source>%1 (%2) is a private API server name.</source>
        <translation>%1 (%2) 是专用 API 服务器名称。</translation>
    </message>
    <message>
        <source>%1 (%2) is a public API server name.</source>
        <translation>%1 (%2) 是公共 API 服务器名称。</translation>
    </message>
    <message>
        <source>%1 (%2) is not an AKS API server name.</source>
        <translation>%1 (%2) 不是 AKS API 服务器名称。</translation>
    </message>
    <message>
        <source>%1 does not resolve here: %2 Outside the VNet a private name resolves only through a DNS server that forwards the private zone.</source>
        <translation>%1 在此处无法解析：%2 在 VNet 外部，专用名称只能通过转发专用区域的 DNS 服务器解析。</translation>
    </message>
    <message>
        <source>%1 does not resolve here: %2</source>
        <translation>%1 在此处无法解析：%2</translation>
    </message>
    <message>
        <source>workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>%1 resolved %2 to public address %3</source>
        <translation>%1 将 %2 解析为公共地址 %3</translation>
    </message>
    <message>
        <source>The private API server name %1 resolves to a public address; inside the VNet it must resolve to the private endpoint.</source>
        <translation>专用 API 服务器名称 %1 解析为公共地址；在 VNet 内部，它必须解析为专用终结点。</translation>
    </message>
    <message>
        <source>%1 does not resolve in a pod: %2</source>
        <translation>%1 在 Pod 中无法解析：%2</translation>
    </message>
    <message>
        <source>%1 resolves on the node but not in a pod: the fault is in Kubernetes DNS (CoreDNS or its coredns-custom forwards), not in the VNet&apos;s DNS.</source>
        <translation>%1 在节点上可解析，但在 Pod 中不可解析：故障位于 Kubernetes DNS（CoreDNS 或其 coredns-custom 转发），而不在 VNet 的 DNS。</translation>
    </message>
    <message>
        <source>%1 does not resolve on the node: %2</source>
        <translation>%1 在节点上无法解析：%2</translation>
    </message>
    <message>
        <source>The pod vantage was not checked: %1.</source>
        <translation>未检查 Pod 视角：%1。</translation>
    </message>
    <message>
        <source>Finding the API server&apos;s name</source>
        <translation>正在查找 API 服务器的名称</translation>
    </message>
    <message>
        <source>server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>API server certificate</source>
        <translation>API 服务器证书</translation>
    </message>
    <message>
        <source>konnectivity agent log</source>
        <translation>konnectivity 代理日志</translation>
    </message>
    <message>
        <source>Checking CoreDNS</source>
        <translation>正在检查 CoreDNS</translation>
    </message>
    <message>
        <source>Resolving %1 from this workstation</source>
        <translation>正在从本机解析 %1</translation>
    </message>
    <message>
        <source>Resolving %1 from a probe pod</source>
        <translation>正在从探测 Pod 解析 %1</translation>
    </message>
    <message>
        <source>creating a probe pod changes the cluster; run with --allow-changes to allow it</source>
        <translation>创建探测 Pod 会更改集群；请使用 --allow-changes 运行以允许此操作</translation>
    </message>
    <message>
        <source>the check was cancelled</source>
        <translation>检查已被取消</translation>
    </message>
    <message>
        <source>inferred: %1 of %2 nodes are Ready, and their kubelets reach the API server by this name</source>
        <translation>推断：%2 个节点中有 %1 个处于 Ready 状态，其 kubelet 通过此名称访问 API 服务器</translation>
    </message>
    <message>
        <source>no node is Ready and no SSH access was given (--ssh-user, --ssh-key)</source>
        <translation>没有处于 Ready 状态的节点，且未提供 SSH 访问（--ssh-user、--ssh-key）</translation>
    </message>
    <message>
        <source>The upstream DNS server does not resolve %1 from the node: %2</source>
        <translation>从节点上，上游 DNS 服务器无法解析 %1：%2</translation>
    </message>
    <message>
        <source>upstream from the node</source>
        <translation>从节点访问上游</translation>
    </message>
    <message>
        <source>The node vantage was not checked: %1.</source>
        <translation>未从节点观测点进行检查：%1。</translation>
    </message>
    <message>
        <source>The upstream check (168.63.129.16) from the node was not run: %1.</source>
        <translation>未从节点运行上游检查（168.63.129.16）：%1。</translation>
    </message>
    <message>
        <source>it needs SSH access to a node (--ssh-user, --ssh-key)</source>
        <translation>需要对节点的 SSH 访问权限（--ssh-user、--ssh-key）</translation>
    </message>
</context>
<context>
    <name>StepTwo</name>
    <message>
        <source>%1 of %2 konnectivity agent replicas are ready, %3 available.</source>
        <translation>%2 个 konnectivity 代理副本中有 %1 个已就绪，%3 个可用。</translation>
    </message>
    <message>
        <source>%1 (%2 restarts, CrashLoopBackOff)</source>
        <translation>%1（重启 %2 次，CrashLoopBackOff）</translation>
    </message>
    <message>
        <source>%1 (%2 restarts)</source>
        <translation>%1（重启 %2 次）</translation>
    </message>
    <message>
        <source>Reading the log of %1 failed: the API server could not dial the kubelet of node %2, so kubectl logs, exec and port-forward fail there too.</source>
        <translation>读取 %1 的日志失败：API 服务器无法连接节点 %2 的 kubelet，因此 kubectl logs、exec 和 port-forward 在该节点上也会失败。</translation>
    </message>
    <message>
        <source>The log of %1 could not be read: %2</source>
        <translation>无法读取 %1 的日志：%2</translation>
    </message>
    <message>
        <source>%1 log lines of %2 are failures to dial the kubelet of a node that is not Ready; step 1 reports that node.</source>
        <translation>%2 的日志中有 %1 行是连接未就绪节点的 kubelet 失败；步骤 1 会报告该节点。</translation>
    </message>
    <message>
        <source>%1 (%2 failure lines)</source>
        <translation>%1（%2 行失败）</translation>
    </message>
    <message>
        <source>%1 (%2 failure lines, never connected)</source>
        <translation>%1（%2 行失败，从未连接成功）</translation>
    </message>
    <message>
        <source>Agent pods keep restarting: %1.</source>
        <translation>代理 Pod 反复重启：%1。</translation>
    </message>
    <message>
        <source>%1 connection failures in the last %2 log lines of %3.</source>
        <translation>%3 的最近 %2 行日志中有 %1 次连接失败。</translation>
    </message>
    <message>
        <source>The cluster tunnels API server traffic through the legacy %1 (%2).</source>
        <translation>集群通过旧版 %1 (%2) 传输 API 服务器流量。</translation>
    </message>
    <message>
        <source>%1 of %2 %3 replicas are ready.</source>
        <translation>%2 个 %3 副本中有 %1 个已就绪。</translation>
    </message>
    <message>
        <source>No konnectivity agent runs, as expected with API server VNet integration: the API server reaches the nodes directly.</source>
        <translation>未运行 konnectivity 代理，这在启用 API Server VNet Integration 时符合预期：API 服务器直接访问节点。</translation>
    </message>
    <message>
        <source>No konnectivity-agent deployment (label app or k8s-app konnectivity-agent) and no legacy tunnel in kube-system.</source>
        <translation>kube-system 中没有 konnectivity-agent 部署（标签 app 或 k8s-app 为 konnectivity-agent），也没有旧版隧道。</translation>
    </message>
    <message>
        <source>kube-system has no deployment labelled app=konnectivity-agent or k8s-app=konnectivity-agent, and none named tunnelfront or aks-link</source>
        <translation>kube-system 中没有带 app=konnectivity-agent 或 k8s-app=konnectivity-agent 标签的部署，也没有名为 tunnelfront 或 aks-link 的部署</translation>
    </message>
    <message>
        <source>No konnectivity agent or legacy tunnel: this does not look like an AKS cluster, so none is expected.</source>
        <translation>没有 konnectivity 代理或旧版隧道：这看起来不是 AKS 集群，因此预期不存在代理。</translation>
    </message>
    <message>
        <source>Listing the konnectivity agent and legacy tunnel deployments</source>
        <translation>正在列出 konnectivity-agent 和旧版隧道的 Deployment</translation>
    </message>
    <message>
        <source>Listing the agents&apos; pods</source>
        <translation>正在列出代理的 Pod</translation>
    </message>
    <message>
        <source>Reading the last %1 log lines of each agent pod</source>
        <translation>正在读取每个代理 Pod 的最后 %1 行日志</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <source>Worker node health</source>
        <translation>工作节点健康状况</translation>
    </message>
    <message>
        <source>Control plane to node connectivity</source>
        <translation>控制平面到节点的连通性</translation>
    </message>
    <message>
        <source>DNS resolution</source>
        <translation>DNS 解析</translation>
    </message>
    <message>
        <source>Kubelet errors</source>
        <translation>kubelet 错误</translation>
    </message>
    <message>
        <source>Node Problem Detector</source>
        <translation>节点问题检测器 (NPD)</translation>
    </message>
    <message>
        <source>Disk IOPS throttling</source>
        <translation>磁盘 IOPS 限流</translation>
    </message>
</context>
<context>
    <name>UsageJudge</name>
    <message>
        <source>CPU use</source>
        <translation>CPU 使用率</translation>
    </message>
    <message>
        <source>Memory working set</source>
        <translation>内存工作集</translation>
    </message>
    <message>
        <source>Processes in use</source>
        <translation>已用进程数</translation>
    </message>
    <message>
        <source>Node file system use</source>
        <translation>节点文件系统使用率</translation>
    </message>
    <message>
        <source>%1 stayed at or above %2% of the node&apos;s capacity during the window (last %3%).</source>
        <translation>采样时段内 %1 始终不低于节点容量的 %2%（最近值 %3%）。</translation>
    </message>
    <message>
        <source>%1 (%): %2</source>
        <translation>%1 (%)：%2</translation>
    </message>
    <message>
        <source>The node&apos;s readiness changed %1 times in the last %2 minutes (its events).</source>
        <translation>节点的就绪状态在过去 %2 分钟内变化了 %1 次（根据其事件）。</translation>
    </message>
</context>
<context>
    <name>nt::SshTranscript</name>
    <message>
        <source>(a line typed while the node did not echo input: not recorded)</source>
        <translation>（节点未回显输入时键入的一行：未记录）</translation>
    </message>
    <message>
        <source>Cannot write the transcript to %1: %2</source>
        <translation>无法将会话记录写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>nt::TextFormat</name>
    <message>
        <source>invalid metric name after # HELP or # TYPE</source>
        <translation># HELP 或 # TYPE 之后的指标名称无效</translation>
    </message>
    <message>
        <source>invalid escape sequence in a # HELP line</source>
        <translation># HELP 行中的转义序列无效</translation>
    </message>
    <message>
        <source>second # HELP line for a metric</source>
        <translation>同一指标出现第二个 # HELP 行</translation>
    </message>
    <message>
        <source>unknown metric type in a # TYPE line</source>
        <translation># TYPE 行中的指标类型未知</translation>
    </message>
    <message>
        <source>second # TYPE line for a metric</source>
        <translation>同一指标出现第二个 # TYPE 行</translation>
    </message>
    <message>
        <source># TYPE line after the metric&apos;s samples</source>
        <translation># TYPE 行出现在该指标的样本之后</translation>
    </message>
    <message>
        <source>invalid metric name</source>
        <translation>指标名称无效</translation>
    </message>
    <message>
        <source>missing sample value</source>
        <translation>缺少样本值</translation>
    </message>
    <message>
        <source>invalid sample value</source>
        <translation>样本值无效</translation>
    </message>
    <message>
        <source>invalid timestamp</source>
        <translation>时间戳无效</translation>
    </message>
    <message>
        <source>unexpected text after the timestamp</source>
        <translation>时间戳之后有多余文本</translation>
    </message>
    <message>
        <source>invalid le label of a histogram bucket</source>
        <translation>直方图桶的 le 标签无效</translation>
    </message>
    <message>
        <source>invalid quantile label of a summary</source>
        <translation>summary 的 quantile 标签无效</translation>
    </message>
    <message>
        <source>histogram bucket without an le label</source>
        <translation>直方图桶缺少 le 标签</translation>
    </message>
    <message>
        <source>summary sample without a quantile label</source>
        <translation>summary 样本缺少 quantile 标签</translation>
    </message>
    <message>
        <source>unterminated label set</source>
        <translation>标签集未结束</translation>
    </message>
    <message>
        <source>invalid label name</source>
        <translation>标签名称无效</translation>
    </message>
    <message>
        <source>expected = after a label name</source>
        <translation>标签名称之后应为 =</translation>
    </message>
    <message>
        <source>label value is not quoted</source>
        <translation>标签值未加引号</translation>
    </message>
    <message>
        <source>duplicate label name</source>
        <translation>标签名称重复</translation>
    </message>
    <message>
        <source>expected , or } after a label value</source>
        <translation>标签值之后应为 , 或 }</translation>
    </message>
    <message>
        <source>unterminated label value</source>
        <translation>标签值未结束</translation>
    </message>
    <message>
        <source>invalid escape sequence in a label value</source>
        <translation>标签值中的转义序列无效</translation>
    </message>
</context>
<context>
    <name>nt::Translations</name>
    <message>
        <source>Language &apos;%1&apos; is not available; choose one of: %2.</source>
        <translation>语言 &apos;%1&apos; 不可用；请从以下语言中选择：%2。</translation>
    </message>
    <message>
        <source>The %1 translation is missing from this build.</source>
        <translation>此版本中缺少 %1 翻译。</translation>
    </message>
</context>
<context>
    <name>nt::report</name>
    <message>
        <source>Object:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>处理方法：</translation>
    </message>
    <message>
        <source>Cluster context</source>
        <translation>集群上下文</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <source> (private cluster)</source>
        <translation>（专用集群）</translation>
    </message>
    <message>
        <source>Kubernetes version</source>
        <translation>Kubernetes 版本</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编制者</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Observation window</source>
        <translation>观察时段</translation>
    </message>
    <message>
        <source>%1 to %2, %3 samples every %4 s</source>
        <translation>%1 至 %2，每 %4 秒一个样本，共 %3 个样本</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cluster, node names and addresses are pseudonymised.</source>
        <translation>集群、节点名称和地址已假名化。</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>步骤 %1：%2</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>SSH transcripts</source>
        <translation>SSH 会话记录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>已执行的操作</translation>
    </message>
    <message>
        <source>Appendix: commands to reproduce</source>
        <translation>附录：复现命令</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>What was checked:</source>
        <translation>检查内容：</translation>
    </message>
    <message>
        <source>No findings in this step.</source>
        <translation>此步骤没有发现项。</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>节点池</translation>
    </message>
    <message>
        <source>VM size</source>
        <translation>VM 规格</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>有发现项</translation>
    </message>
    <message>
        <source>%1 of %2 nodes listed: those not ready, under a condition or with findings. The JSON report lists every node.</source>
        <translation>列出了 %2 个节点中的 %1 个：未就绪、处于某种条件下或有发现项的节点。JSON 报告列出了所有节点。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The check itself:</source>
        <translation>检查本身：</translation>
    </message>
    <message>
        <source>The findings&apos; commands, to confirm each by hand:</source>
        <translation>发现项的命令，用于逐一手动确认：</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message>
        <source>Charts of the affected nodes are in the PDF and HTML reports.</source>
        <translation>受影响节点的图表位于 PDF 和 HTML 报告中。</translation>
    </message>
    <message>
        <source>cannot write the %1 report to %2: %3</source>
        <translation>无法将 %1 报告写入 %2：%3</translation>
    </message>
    <message>
        <source>Collecting the report</source>
        <translation>正在收集报告</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Writing HTML, JSON and Markdown</source>
        <translation>正在写入 HTML、JSON 和 Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>Laying out the PDF</source>
        <translation>正在排版 PDF</translation>
    </message>
    <message>
        <source>Writing PDF page %1 of %2</source>
        <translation>正在写入 PDF 第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Each node&apos;s Ready and pressure conditions, its lease heartbeat, taints and cordons, how often readiness changed during the window, and CPU, memory, PID and filesystem use against the alert thresholds.</source>
        <translation>每个节点的 Ready 和压力条件、租约心跳、污点和封锁、采样时段内就绪状态的变化次数，以及 CPU、内存、PID 和文件系统使用率相对于告警阈值的情况。</translation>
    </message>
    <message>
        <source>The tunnel between the control plane and the nodes: whether the konnectivity agent (or the legacy tunnelfront / aks-link) is deployed, ready and stable, what its logs say, and whether the API server can reach the kubelets (kubectl logs and exec depend on it).</source>
        <translation>控制平面与节点之间的隧道：konnectivity 代理（或旧版 tunnelfront / aks-link）是否已部署、就绪且稳定，其日志内容，以及 API 服务器能否访问 kubelet（kubectl logs 和 exec 依赖于此）。</translation>
    </message>
    <message>
        <source>Name resolution of the API server from this workstation, from the nodes and from a pod, CoreDNS&apos;s health, and private cluster names that resolve to public addresses.</source>
        <translation>从此工作站、节点和 Pod 解析 API 服务器名称的情况、CoreDNS 的健康状况，以及解析为公共地址的专用集群名称。</translation>
    </message>
    <message>
        <source>The kubelet on each node: restarts, runtime operation errors, PLEG relist latency, evictions, pods against the node&apos;s maximum, and version skew against the control plane.</source>
        <translation>每个节点上的 kubelet：重启、运行时操作错误、PLEG relist 延迟、驱逐、Pod 数相对于节点上限的情况，以及与控制平面的版本偏差。</translation>
    </message>
    <message>
        <source>The conditions and events that Node Problem Detector reports on each node (kernel deadlocks, read-only filesystems, container runtime problems...).</source>
        <translation>节点问题检测器 (NPD) 在每个节点上报告的条件和事件（内核死锁、只读文件系统、容器运行时问题...）。</translation>
    </message>
    <message>
        <source>Disk read and write IOPS and throughput against the caps of the VM size and the OS disk, disk utilisation, queue depth, I/O wait and I/O pressure.</source>
        <translation>磁盘读写 IOPS 和吞吐量相对于 VM 规格和 OS 磁盘上限的情况、磁盘利用率、队列深度、I/O 等待和 I/O 压力。</translation>
    </message>
    <message>
        <source>cordoned</source>
        <translation>已封锁</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>nt::report::Builder</name>
    <message>
        <source>Node health report: %1</source>
        <translation>节点健康报告：%1</translation>
    </message>
    <message numerus="yes">
        <source>No problems found: none of the %n nodes has a warning or critical finding.</source>
        <translation>
            <numerusform>未发现问题：%n 个节点均没有警告或严重发现项。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 critical and %2 warning findings; %3 of %4 nodes are affected.</source>
        <translation>%1 个严重发现项和 %2 个警告发现项；%4 个节点中有 %3 个受影响。</translation>
    </message>
    <message>
        <source>The most serious: %1.</source>
        <translation>最严重的：%1。</translation>
    </message>
    <message>
        <source>The most serious: %1 (%2).</source>
        <translation>最严重的：%1（%2）。</translation>
    </message>
    <message>
        <source>Steps %1 did not give a verdict (see their notes); their findings may be incomplete.</source>
        <translation>步骤 %1 未给出结论（参见其备注）；其发现项可能不完整。</translation>
    </message>
    <message>
        <source>No metric history was recorded for this report.</source>
        <translation>此报告未记录指标历史。</translation>
    </message>
    <message>
        <source>%1 of %2 affected nodes drawn.</source>
        <translation>已绘制 %2 个受影响节点中的 %1 个。</translation>
    </message>
    <message>
        <source>No samples in the window from %1.</source>
        <translation>采样时段内没有来自 %1 的样本。</translation>
    </message>
    <message>
        <source>Dashed: healthy nodes, for comparison.</source>
        <translation>虚线：健康节点，用于对比。</translation>
    </message>
    <message>
        <source>Red dashes: the alert threshold (%1 %2).</source>
        <translation>红色虚线：告警阈值（%1 %2）。</translation>
    </message>
    <message>
        <source>No samples of this step&apos;s metrics were recorded in the window.</source>
        <translation>采样时段内未记录此步骤指标的样本。</translation>
    </message>
</context>
<context>
    <name>nt::report::PdfReport</name>
    <message>
        <source>Cluster context</source>
        <translation>集群上下文</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <source> (private cluster)</source>
        <translation>（专用集群）</translation>
    </message>
    <message>
        <source>Kubernetes version</source>
        <translation>Kubernetes 版本</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>编制者</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Observation window</source>
        <translation>观察时段</translation>
    </message>
    <message>
        <source>%1 to %2, %3 samples every %4 s</source>
        <translation>%1 至 %2，每 %4 秒一个样本，共 %3 个样本</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>%1 critical, %2 warnings, %3 informational</source>
        <translation>%1 个严重，%2 个警告，%3 个信息</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Cluster, node names and addresses are pseudonymised.</source>
        <translation>集群、节点名称和地址已假名化。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation>步骤 %1：%2</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>SSH transcripts</source>
        <translation>SSH 会话记录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>已执行的操作</translation>
    </message>
    <message>
        <source>Appendix: commands to reproduce</source>
        <translation>附录：复现命令</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Findings, worst first</source>
        <translation>发现项（按严重程度从高到低）</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>What was checked:</source>
        <translation>检查内容：</translation>
    </message>
    <message>
        <source>No findings in this step.</source>
        <translation>此步骤没有发现项。</translation>
    </message>
    <message>
        <source>Object:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>处理方法：</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>节点池</translation>
    </message>
    <message>
        <source>VM size</source>
        <translation>VM 规格</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>有发现项</translation>
    </message>
    <message>
        <source>%1 of %2 nodes listed: those not ready, under a condition or with findings. The JSON report lists every node.</source>
        <translation>列出了 %2 个节点中的 %1 个：未就绪、处于某种条件下或有发现项的节点。JSON 报告列出了所有节点。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>The check itself:</source>
        <translation>检查本身：</translation>
    </message>
    <message>
        <source>The findings&apos; commands, to confirm each by hand:</source>
        <translation>发现项的命令，用于逐一手动确认：</translation>
    </message>
    <message>
        <source>pseudonymised</source>
        <translation>已假名化</translation>
    </message>
    <message>
        <source>NodeTriage %1</source>
        <translation>NodeTriage %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>cannot start the PDF for %1.</source>
        <translation>无法为 %1 创建 PDF。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>cannot write the PDF report to %1: %2</source>
        <translation>无法将 PDF 报告写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>nt::report::Redactor</name>
    <message>
        <source>[redacted]</source>
        <translation>[已隐去]</translation>
    </message>
</context>
<context>
    <name>nt::ui::AboutDialog</name>
    <message>
        <source>About NodeTriage</source>
        <translation>关于 NodeTriage</translation>
    </message>
    <message>
        <source>Finds out why AKS worker nodes are unhealthy: node health with live charts, control plane connectivity, DNS, kubelet errors, Node Problem Detector and disk throttling, with the evidence and the fix.</source>
        <translation>找出 AKS 工作节点不正常的原因：带实时图表的节点健康状况、控制平面连通性、DNS、kubelet 错误、节点问题检测器 (NPD) 和磁盘限流，并给出证据和修复建议。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>根据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>nt::ui::ApiCall</name>
    <message>
        <source>strategic merge patch: %1</source>
        <translation>strategic merge patch：%1</translation>
    </message>
    <message>
        <source>no body; the pod&apos;s controller creates a new one</source>
        <translation>无请求体；Pod 的控制器会创建一个新的 Pod</translation>
    </message>
    <message>
        <source>Pod nodetriage-dns-probe-XXXXX: image %1, command “nslookup %2”, restartPolicy Never, activeDeadlineSeconds %3, no service account token</source>
        <translation>Pod nodetriage-dns-probe-XXXXX：镜像 %1，命令“nslookup %2”，restartPolicy Never，activeDeadlineSeconds %3，不挂载服务账号令牌</translation>
    </message>
    <message>
        <source>&lt;the API server name&gt;</source>
        <translation>&lt;API 服务器名称&gt;</translation>
    </message>
    <message>
        <source>gracePeriodSeconds=0, always sent, also when the probe fails</source>
        <translation>gracePeriodSeconds=0，总会发送，探测失败时也会发送</translation>
    </message>
</context>
<context>
    <name>nt::ui::ApiCallDialog</name>
    <message>
        <source>Change the cluster?</source>
        <translation>要更改集群吗？</translation>
    </message>
    <message>
        <source>These requests go to the API server when you press “%1”:</source>
        <translation>按下“%1”后，以下请求将发送到 API 服务器：</translation>
    </message>
    <message>
        <source>Content-Type: %1</source>
        <translation>Content-Type：%1</translation>
    </message>
</context>
<context>
    <name>nt::ui::CheckPage</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;Run step</source>
        <translation>运行此步骤(&amp;R)</translation>
    </message>
    <message>
        <source>Run this step&apos;s checks against the cluster (reads only)</source>
        <translation>对集群运行此步骤的检查（只读）</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <source>Chec&amp;ks of this step:</source>
        <translation>此步骤的检查项(&amp;K)：</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>F&amp;indings:</source>
        <translation>发现(&amp;I)：</translation>
    </message>
    <message>
        <source>Char&amp;ts of the affected node</source>
        <translation>受影响节点的图表(&amp;T)</translation>
    </message>
    <message>
        <source>Your notes on this step: what you saw, what you tried. They go into the exported report.</source>
        <translation>你对此步骤的备注：看到了什么、尝试了什么。备注会写入导出的报告。</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Open SSH co&amp;nsole on the node</source>
        <translation>在节点上打开 SSH 控制台(&amp;N)</translation>
    </message>
    <message>
        <source>A terminal on the selected finding&apos;s node, with the node-side checks beside it</source>
        <translation>在所选发现对应的节点上打开终端，旁边显示节点侧检查</translation>
    </message>
    <message>
        <source>Open SSH co&amp;nsole on %1</source>
        <translation>在 %1 上打开 SSH 控制台(&amp;N)</translation>
    </message>
    <message>
        <source>Sampling the nodes for %1 s (%2 s left), then judging…</source>
        <translation>正在对节点采样 %1 秒（剩余 %2 秒），之后进行判断…</translation>
    </message>
    <message>
        <source>Reading the cluster and judging…</source>
        <translation>正在读取集群并判断…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n finding(s)</source>
        <translation>
            <numerusform>%1：%n 项发现</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n that need attention</source>
        <translation>
            <numerusform>，其中 %n 项需要关注</numerusform>
        </translation>
    </message>
    <message>
        <source> (checked %1).</source>
        <translation>（检查于 %1）。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未发现问题</translation>
    </message>
    <message numerus="yes">
        <source>Found %n time(s)</source>
        <translation>
            <numerusform>发现 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Every check of this step came out clear; the note above says what could not be checked.</source>
        <translation>此步骤的各项检查均未发现问题；上方的说明列出了无法检查的内容。</translation>
    </message>
</context>
<context>
    <name>nt::ui::ClusterOverview</name>
    <message>
        <source>Cluster overview: nodes ranked worst first</source>
        <translation>集群概览：节点按严重程度从高到低排列</translation>
    </message>
    <message>
        <source>No nodes yet.</source>
        <translation>尚无节点。</translation>
    </message>
    <message>
        <source>Worst first · nodes: %1 · reporting CPU: %2 · sparklines: last 15 min · double-click or Enter opens a node&apos;s charts</source>
        <translation>按严重程度从高到低 · 节点：%1 · 报告 CPU：%2 · 迷你图：最近 15 分钟 · 双击或按 Enter 打开节点的图表</translation>
    </message>
</context>
<context>
    <name>nt::ui::ClusterSession</name>
    <message>
        <source>The API server request failed (%1).</source>
        <translation>API 服务器请求失败（%1）。</translation>
    </message>
    <message>
        <source>No kubeconfig is loaded.</source>
        <translation>未加载 kubeconfig。</translation>
    </message>
    <message>
        <source>Stopped loading the nodes from %1; the table shows the last load.</source>
        <translation>已停止从 %1 加载节点；表格显示的是上一次加载的结果。</translation>
    </message>
</context>
<context>
    <name>nt::ui::DemoLauncher</name>
    <message>
        <source>The demo cluster did not start within %1 seconds (%2).</source>
        <translation>演示集群未在 %1 秒内启动（%2）。</translation>
    </message>
    <message>
        <source>Could not create a temporary folder for the demo cluster: %1</source>
        <translation>无法为演示集群创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>Could not start the demo cluster&apos;s simulator %1: %2</source>
        <translation>无法启动演示集群的模拟器 %1：%2</translation>
    </message>
    <message>
        <source>The demo cluster&apos;s simulator exited with status %1 before it was ready: %2</source>
        <translation>演示集群的模拟器在就绪前退出，状态为 %1：%2</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>无消息</translation>
    </message>
</context>
<context>
    <name>nt::ui::DurationFormat</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>nt::ui::ExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>HTML page (one file)</source>
        <translation>HTML 页面（单个文件）</translation>
    </message>
    <message>
        <source>JSON (nodetriage.report/v1)</source>
        <translation>JSON (nodetriage.report/v1)</translation>
    </message>
    <message>
        <source>Markdown, for tickets</source>
        <translation>Markdown，用于工单</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美国信纸）</translation>
    </message>
    <message>
        <source>Pseudonymise cluster, node names and IP addresses</source>
        <translation>对集群、节点名称和 IP 地址进行假名化</translation>
    </message>
    <message>
        <source>For sending outside the company: every name gets the same stand-in in the whole report.</source>
        <translation>用于发送到公司外部：每个名称在整份报告中都使用相同的替代名称。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Paper size:</source>
        <translation>纸张大小：</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Preview of the first pages:</source>
        <translation>前几页预览：</translation>
    </message>
    <message>
        <source>Rendering...</source>
        <translation>正在渲染...</translation>
    </message>
    <message>
        <source>Nothing to preview.</source>
        <translation>没有可预览的内容。</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报告的保存位置。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
</context>
<context>
    <name>nt::ui::FindingModel</name>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Node or object</source>
        <translation>节点或对象</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现项</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
</context>
<context>
    <name>nt::ui::FindingPane</name>
    <message>
        <source>E&amp;vidence</source>
        <translation>证据(&amp;V)</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理办法</translation>
    </message>
    <message>
        <source>Co&amp;mmands</source>
        <translation>命令(&amp;M)</translation>
    </message>
    <message>
        <source>Cop&amp;y command</source>
        <translation>复制命令(&amp;Y)</translation>
    </message>
    <message>
        <source>Copy all comman&amp;ds</source>
        <translation>复制全部命令(&amp;D)</translation>
    </message>
    <message>
        <source>No finding selected</source>
        <translation>未选择发现</translation>
    </message>
    <message>
        <source>Pick a finding in the list (arrow keys, then Enter) to see what was seen, what to do, and the commands to run.</source>
        <translation>在列表中选择一项发现（方向键，然后按 Enter），查看观察到的情况、处理办法和要运行的命令。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>(no evidence lines)</source>
        <translation>（无证据行）</translation>
    </message>
</context>
<context>
    <name>nt::ui::FirstRunHint</name>
    <message>
        <source>No usable kubeconfig found</source>
        <translation>未找到可用的 kubeconfig</translation>
    </message>
    <message>
        <source>Open &amp;demo cluster</source>
        <translation>打开演示集群(&amp;D)</translation>
    </message>
    <message>
        <source>A simulated AKS cluster running on this computer; nothing here touches a real cluster</source>
        <translation>在本机运行的模拟 AKS 集群；不会触及任何真实集群</translation>
    </message>
    <message>
        <source>Open &amp;kubeconfig…</source>
        <translation>打开 kubeconfig(&amp;K)…</translation>
    </message>
    <message>
        <source>Choose a kubeconfig file, for example one written by az aks get-credentials --file</source>
        <translation>选择一个 kubeconfig 文件，例如由 az aks get-credentials --file 写出的文件</translation>
    </message>
    <message>
        <source>NodeTriage looked where $KUBECONFIG points (%1); with $KUBECONFIG set, ~/.kube/config (%2) is not read.</source>
        <translation>NodeTriage 查找了 $KUBECONFIG 指向的位置（%1）；设置了 $KUBECONFIG 时不会读取 ~/.kube/config（%2）。</translation>
    </message>
    <message>
        <source>NodeTriage looked where $KUBECONFIG points (it is not set) and in ~/.kube/config (%1).</source>
        <translation>NodeTriage 查找了 $KUBECONFIG 指向的位置（未设置）以及 ~/.kube/config（%1）。</translation>
    </message>
    <message>
        <source>%1
%2

Open the demo cluster, a simulated AKS cluster running on this computer, to look around; or open a kubeconfig file. To reach your own cluster, fetch its credentials with az aks get-credentials and start NodeTriage again.</source>
        <translation>%1
%2

可以打开演示集群（在本机运行的模拟 AKS 集群）先熟悉一下，或者打开一个 kubeconfig 文件。要连接你自己的集群，请用 az aks get-credentials 获取其凭据，然后重新启动 NodeTriage。</translation>
    </message>
    <message>
        <source>Open kubeconfig</source>
        <translation>打开 kubeconfig</translation>
    </message>
    <message>
        <source>%1 has no contexts.</source>
        <translation>%1 中没有任何上下文。</translation>
    </message>
    <message>
        <source>Cannot open this kubeconfig: %1</source>
        <translation>无法打开此 kubeconfig：%1</translation>
    </message>
</context>
<context>
    <name>nt::ui::HostKeyDialog</name>
    <message>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>The authenticity of %1 (port %2) cannot be established: its key is not in %3.</source>
        <translation>无法确认 %1（端口 %2）的真实性：其密钥不在 %3 中。</translation>
    </message>
    <message>
        <source>%1 key fingerprint:
%2</source>
        <translation>%1 密钥指纹：
%2</translation>
    </message>
    <message>
        <source>Compare it with the fingerprint the node&apos;s administrator gave you before you trust it.</source>
        <translation>在信任之前，请将其与节点管理员提供给您的指纹进行比对。</translation>
    </message>
    <message>
        <source>Trust and save</source>
        <translation>信任并保存</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>仅信任一次</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>nt::ui::LaunchOptions</name>
    <message>
        <source>Try &apos;nodetriage --help&apos;.</source>
        <translation>请尝试 &apos;nodetriage --help&apos;。</translation>
    </message>
    <message>
        <source>Kubeconfig file to use.</source>
        <translation>要使用的 kubeconfig 文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Kubeconfig context to open.</source>
        <translation>要打开的 kubeconfig 上下文。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Language of the interface (en, zh_CN).</source>
        <translation>界面语言（en、zh_CN）。</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Colours: system (default), light or dark.</source>
        <translation>配色：system（默认）、light 或 dark。</translation>
    </message>
    <message>
        <source>THEME</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Open the simulated demo cluster; the optional SCENARIO argument picks its scenario.</source>
        <translation>打开模拟的演示集群；可选的 SCENARIO 参数用于选择其场景。</translation>
    </message>
    <message>
        <source>NodeTriage: find out why AKS worker nodes are unhealthy.

Without options the window opens the kubeconfig&apos;s current context.
Headless: &apos;nodetriage check --help&apos; (the diagnosis, JSON report) and
&apos;nodetriage ssh --help&apos; (the console&apos;s SSH engine).</source>
        <translation>NodeTriage：找出 AKS 工作节点不正常的原因。

不带选项时，窗口将打开 kubeconfig 的当前上下文。
无窗口模式：&apos;nodetriage check --help&apos;（诊断，JSON 报告）和
&apos;nodetriage ssh --help&apos;（控制台的 SSH 引擎）。</translation>
    </message>
    <message>
        <source>Demo scenario (with --demo).</source>
        <translation>演示场景（与 --demo 一起使用）。</translation>
    </message>
    <message>
        <source>Unknown theme &apos;%1&apos;: choose system, light or dark.</source>
        <translation>未知主题 &apos;%1&apos;：请选择 system、light 或 dark。</translation>
    </message>
    <message>
        <source>--screenshot-after-rounds needs a whole number of at least 1, not &apos;%1&apos;.</source>
        <translation>--screenshot-after-rounds 需要不小于 1 的整数，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--show takes &apos;nodes&apos; or &apos;overview&apos;, not &apos;%1&apos;.</source>
        <translation>--show 接受 &apos;nodes&apos; 或 &apos;overview&apos;，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>--sampling-interval takes whole seconds from 1 to 60, not &apos;%1&apos;.</source>
        <translation>--sampling-interval 接受 1 到 60 的整数秒，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Unexpected argument &apos;%1&apos; (a scenario needs --demo).</source>
        <translation>意外的参数 &apos;%1&apos;（场景需要 --demo）。</translation>
    </message>
    <message>
        <source>Only one demo scenario can be given, not &apos;%1&apos;.</source>
        <translation>只能指定一个演示场景，而不是 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>DNS server this computer asks in step 3 (IP or IP:PORT; default: the system resolver).</source>
        <translation>第 3 步中本机查询的 DNS 服务器（IP 或 IP:PORT；默认：系统解析器）。</translation>
    </message>
    <message>
        <source>IP[:PORT]</source>
        <translation>IP[:端口]</translation>
    </message>
    <message>
        <source>The API server&apos;s DNS name for step 3, when the kubeconfig names it by address.</source>
        <translation>当 kubeconfig 以地址指定 API 服务器时，第 3 步使用的 API 服务器 DNS 名称。</translation>
    </message>
    <message>
        <source>--show-step takes a step from 1 to 6, or 7 for the summary, not &apos;%1&apos;.</source>
        <translation>--show-step 的取值应为 1 到 6 的步骤，或 7 表示汇总，而不是“%1”。</translation>
    </message>
    <message>
        <source>--check-window takes whole seconds from 1 to 600, not &apos;%1&apos;.</source>
        <translation>--check-window 的取值应为 1 到 600 的整数秒，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>nt::ui::MainWindow</name>
    <message>
        <source>NodeTriage</source>
        <translation>NodeTriage</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>&amp;Context:</source>
        <translation>上下文(&amp;C)：</translation>
    </message>
    <message>
        <source>Kubeconfig context: switching reconnects</source>
        <translation>kubeconfig 上下文：切换后将重新连接</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the nodes again (F5)</source>
        <translation>重新加载节点 (F5)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>The new language or theme applies when NodeTriage starts again.</source>
        <translation>新的语言或主题将在 NodeTriage 下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>步骤(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NodeTriage</source>
        <translation>关于 NodeTriage(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Kubernetes version unknown</source>
        <translation>Kubernetes 版本未知</translation>
    </message>
    <message>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>The credential plugin asks:
</source>
        <translation>凭据插件询问：
</translation>
    </message>
    <message>
        <source>sampling %1 nodes every %2 s</source>
        <translation>每 %2 秒采样 %1 个节点</translation>
    </message>
    <message>
        <source>%1 – first round running…</source>
        <translation>%1 – 第一轮正在运行…</translation>
    </message>
    <message>
        <source>%1 – last round %2</source>
        <translation>%1 – 上一轮 %2</translation>
    </message>
    <message>
        <source>the kubeconfig (%1) has no contexts</source>
        <translation>kubeconfig（%1）中没有上下文</translation>
    </message>
    <message>
        <source>Starting the demo cluster…</source>
        <translation>正在启动演示集群…</translation>
    </message>
    <message>
        <source>This is the demo cluster: a simulated AKS cluster running on this computer (scenario “%1”). Nothing here touches a real cluster.</source>
        <translation>这是演示集群：在本机上运行的模拟 AKS 集群（场景“%1”）。此处的任何操作都不会影响真实集群。</translation>
    </message>
    <message>
        <source>No usable kubeconfig (%1), so this is the demo cluster: a simulated AKS cluster running on this computer (scenario “%2”). To open your own cluster, fetch its credentials (az aks get-credentials) or start with --kubeconfig FILE.</source>
        <translation>没有可用的 kubeconfig（%1），因此这是演示集群：在本机上运行的模拟 AKS 集群（场景“%2”）。要打开您自己的集群，请获取其凭据（az aks get-credentials）或使用 --kubeconfig FILE 启动。</translation>
    </message>
    <message>
        <source>%1 – NodeTriage</source>
        <translation>%1 – NodeTriage</translation>
    </message>
    <message>
        <source>Context: %1</source>
        <translation>上下文：%1</translation>
    </message>
    <message>
        <source>API server: %1</source>
        <translation>API 服务器：%1</translation>
    </message>
    <message>
        <source>Kubernetes version: loading…</source>
        <translation>Kubernetes 版本：正在加载…</translation>
    </message>
    <message>
        <source>TLS verification is off for context “%1” (insecure-skip-tls-verify): the API server&apos;s identity is not checked, so its answers could come from anyone on the network path.</source>
        <translation>上下文“%1”已关闭 TLS 验证（insecure-skip-tls-verify）：不会检查 API 服务器的身份，因此其应答可能来自网络路径上的任何一方。</translation>
    </message>
    <message>
        <source>could not load</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>Showing the last loaded data</source>
        <translation>正在显示最近一次加载的数据</translation>
    </message>
    <message>
        <source>nodes: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>critical: %1 · warnings: %2</source>
        <translation>严重：%1 · 警告：%2</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Write what was checked and seen as PDF, HTML, JSON or Markdown</source>
        <translation>将检查内容和观察结果写成 PDF、HTML、JSON 或 Markdown</translation>
    </message>
    <message>
        <source>&amp;7 Summary</source>
        <translation>&amp;7 汇总</translation>
    </message>
    <message>
        <source>Run &amp;all steps</source>
        <translation>运行全部步骤(&amp;A)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Not run in the window (Run step on its page).</source>
        <translation>尚未在窗口中运行（在该步骤页面上点“运行此步骤”）。</translation>
    </message>
    <message>
        <source>&amp;Run this step</source>
        <translation>运行此步骤(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop loading</source>
        <translation>停止加载(&amp;S)</translation>
    </message>
    <message>
        <source>Stop waiting for the API server (Esc)</source>
        <translation>停止等待 API 服务器 (Esc)</translation>
    </message>
</context>
<context>
    <name>nt::ui::MessageBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>nt::ui::NodeChartModel</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Working set</source>
        <translation>工作集</translation>
    </message>
    <message>
        <source>PIDs used</source>
        <translation>已用 PID</translation>
    </message>
    <message>
        <source>PID limit</source>
        <translation>PID 上限</translation>
    </message>
    <message>
        <source>Read IOPS</source>
        <translation>读取 IOPS</translation>
    </message>
    <message>
        <source>Write IOPS</source>
        <translation>写入 IOPS</translation>
    </message>
    <message>
        <source>Read MB/s</source>
        <translation>读取 MB/s</translation>
    </message>
    <message>
        <source>Write MB/s</source>
        <translation>写入 MB/s</translation>
    </message>
    <message>
        <source>I/O stall (PSI some avg10)</source>
        <translation>I/O 停滞（PSI some avg10）</translation>
    </message>
    <message>
        <source>PIDs</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>磁盘 I/O</translation>
    </message>
    <message>
        <source>I/O pressure</source>
        <translation>I/O 压力</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/s</translation>
    </message>
    <message>
        <source> IOPS</source>
        <translation> IOPS</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
</context>
<context>
    <name>nt::ui::NodeChartsPanel</name>
    <message>
        <source>&amp;Window:</source>
        <translation>时间窗口(&amp;W)：</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>&amp;Follow live</source>
        <translation>实时跟随(&amp;F)</translation>
    </message>
    <message>
        <source>On: the charts move with time. Off: paused where they are (zooming or panning pauses; End follows again).</source>
        <translation>开启：图表随时间移动。关闭：在当前位置暂停（缩放或平移会暂停；按 End 键恢复跟随）。</translation>
    </message>
    <message>
        <source>E&amp;xport PNG…</source>
        <translation>导出 PNG(&amp;X)…</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>PIDs</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>IOPS</source>
        <translation>IOPS</translation>
    </message>
    <message>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>Threshold %1 %</source>
        <translation>阈值 %1 %</translation>
    </message>
    <message>
        <source>Threshold %1 % of limit</source>
        <translation>阈值为上限的 %1 %</translation>
    </message>
    <message>
        <source>IOPS cap</source>
        <translation>IOPS 上限</translation>
    </message>
    <message>
        <source>MB/s cap</source>
        <translation>MB/s 上限</translation>
    </message>
    <message>
        <source>Paused – &amp;follow</source>
        <translation>已暂停 – 跟随(&amp;F)</translation>
    </message>
    <message>
        <source>PIDs (limit %1, off scale)</source>
        <translation>PID（上限 %1，超出刻度）</translation>
    </message>
    <message>
        <source>Disk I/O (cap %1 IOPS, %2 MB/s: off scale)</source>
        <translation>磁盘 I/O（上限 %1 IOPS、%2 MB/s：超出刻度）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Select a node to see its charts.</source>
        <translation>选择一个节点以查看其图表。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 – no samples from this node in this window</source>
        <translation>%1 – 此时间窗口内没有来自该节点的样本</translation>
    </message>
    <message>
        <source>Could not save the charts to %1.</source>
        <translation>无法将图表保存到 %1。</translation>
    </message>
    <message>
        <source>%1-charts-%2.png</source>
        <translation>%1-charts-%2.png</translation>
    </message>
    <message>
        <source>node</source>
        <translation>node</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Disk I/O (dashed: cap %1 IOPS, %2 MB/s)</source>
        <translation>磁盘 I/O（虚线：上限 %1 IOPS、%2 MB/s）</translation>
    </message>
</context>
<context>
    <name>nt::ui::NodeRowBuilder</name>
    <message>
        <source>—</source>
        <comment>Ready condition absent</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>NotReady</source>
        <translation>NotReady</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>Ready condition status</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The node reports no Ready condition.</source>
        <translation>该节点未报告 Ready 条件。</translation>
    </message>
    <message>
        <source>NotReady: %1</source>
        <translation>NotReady：%1</translation>
    </message>
    <message>
        <source>The kubelet stopped reporting (Ready is %1): %2</source>
        <translation>kubelet 已停止上报（Ready 为 %1）：%2</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>unreachable</translation>
    </message>
    <message>
        <source>not-ready</source>
        <translation>not-ready</translation>
    </message>
    <message>
        <source>cordoned</source>
        <translation>已封锁</translation>
    </message>
    <message>
        <source>Cordoned (SchedulingDisabled): no new pods are placed here.</source>
        <translation>已封锁（SchedulingDisabled）：不会有新 Pod 调度到此处。</translation>
    </message>
    <message>
        <source>Ready, but still tainted %1.</source>
        <translation>Ready，但仍带有污点 %1。</translation>
    </message>
    <message>
        <source>Last heartbeat %1 s ago although the node is Ready.</source>
        <translation>虽然节点为 Ready，但上次心跳在 %1 秒前。</translation>
    </message>
</context>
<context>
    <name>nt::ui::NodeTableModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1: not reported by this node</source>
        <translation>%1：此节点未报告</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>No problem seen on this node.</source>
        <translation>此节点上未发现问题。</translation>
    </message>
    <message>
        <source>Internal IP: %1</source>
        <translation>内部 IP：%1</translation>
    </message>
    <message>
        <source>OS image: %1</source>
        <translation>OS 映像：%1</translation>
    </message>
    <message>
        <source>SchedulingDisabled (cordoned)</source>
        <translation>SchedulingDisabled（已封锁）</translation>
    </message>
    <message>
        <source>No taints</source>
        <translation>无污点</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>No heartbeat recorded for this node.</source>
        <translation>未记录此节点的心跳。</translation>
    </message>
    <message>
        <source>Lease in kube-node-lease renewed at %1</source>
        <translation>kube-node-lease 中的租约续订于 %1</translation>
    </message>
    <message>
        <source>Ready condition heartbeat at %1 (the Lease could not be read)</source>
        <translation>Ready 条件心跳于 %1（无法读取租约）</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>节点池</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Memory</source>
        <comment>MemoryPressure column</comment>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk</source>
        <comment>DiskPressure column</comment>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>PIDs</source>
        <comment>PIDPressure column</comment>
        <translation>PID</translation>
    </message>
    <message>
        <source>Network</source>
        <comment>NetworkUnavailable column</comment>
        <translation>网络</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>污点</translation>
    </message>
    <message>
        <source>Kubelet</source>
        <translation>kubelet</translation>
    </message>
    <message>
        <source>Instance type</source>
        <translation>实例类型</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时间</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>Time since the node last renewed its Lease in kube-node-lease (or, when leases cannot be read, since the Ready condition&apos;s heartbeat)</source>
        <translation>距节点上次续订其 kube-node-lease 中租约的时间（或在无法读取租约时，距 Ready 条件心跳的时间）</translation>
    </message>
    <message>
        <source>Node-lifecycle taints (unreachable, not-ready), cordoning, then others</source>
        <translation>节点生命周期污点（unreachable、not-ready）、封锁，然后是其他污点</translation>
    </message>
    <message>
        <source>The node&apos;s %1 condition (True is a problem)</source>
        <translation>节点的 %1 条件（为 True 表示存在问题）</translation>
    </message>
</context>
<context>
    <name>nt::ui::NodesPage</name>
    <message>
        <source>1. %1</source>
        <translation>1. %1</translation>
    </message>
    <message>
        <source>Filter: name, pool, version, taint…</source>
        <translation>筛选：名称、节点池、版本、污点…</translation>
    </message>
    <message>
        <source>Filter nodes</source>
        <translation>筛选节点</translation>
    </message>
    <message>
        <source>Node pool</source>
        <translation>节点池</translation>
    </message>
    <message>
        <source>All pools</source>
        <translation>所有节点池</translation>
    </message>
    <message>
        <source>&amp;Problems only</source>
        <translation>仅显示问题(&amp;P)</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>O&amp;verview (worst first)</source>
        <translation>概览（按严重程度从高到低）(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;charts</source>
        <translation>显示图表(&amp;C)</translation>
    </message>
    <message>
        <source>(no pool label)</source>
        <translation>（无节点池标签）</translation>
    </message>
    <message>
        <source>No nodes loaded yet.</source>
        <translation>尚未加载节点。</translation>
    </message>
    <message>
        <source>Nodes: %1 · failing: %2 · with warnings: %3</source>
        <translation>节点：%1 · 故障：%2 · 有警告：%3</translation>
    </message>
    <message>
        <source> · shown: %1</source>
        <translation> · 已显示：%1</translation>
    </message>
</context>
<context>
    <name>nt::ui::OverviewModel</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 did not report this in the last %2 minutes.</source>
        <translation>%1 在过去 %2 分钟内未报告此项。</translation>
    </message>
    <message>
        <source>%1: double-click or Enter opens its charts.</source>
        <translation>%1：双击或按 Enter 打开其图表。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>节点池</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory %</source>
        <translation>内存 %</translation>
    </message>
    <message>
        <source>PIDs %</source>
        <translation>PID %</translation>
    </message>
    <message>
        <source>FS %</source>
        <translation>文件系统 %</translation>
    </message>
    <message>
        <source>IOPS</source>
        <translation>IOPS</translation>
    </message>
    <message>
        <source>PSI io %</source>
        <translation>PSI io %</translation>
    </message>
    <message>
        <source>PIDs in use as a share of the node&apos;s PID limit</source>
        <translation>已用 PID 占节点 PID 上限的比例</translation>
    </message>
    <message>
        <source>Node filesystem used</source>
        <translation>节点文件系统已用量</translation>
    </message>
    <message>
        <source>Read plus write I/O operations per second (sampled for nodes in focus)</source>
        <translation>每秒读写 I/O 操作数（针对关注的节点采样）</translation>
    </message>
    <message>
        <source>Share of time some task waited on I/O, last 10 s (PSI some avg10)</source>
        <translation>最近 10 秒内有任务等待 I/O 的时间占比（PSI some avg10）</translation>
    </message>
</context>
<context>
    <name>nt::ui::SettingsDialog</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Sampling</source>
        <translation>采样(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Language and theme apply the next time NodeTriage starts.</source>
        <translation>语言和主题将在 NodeTriage 下次启动时生效。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Sampling &amp;interval:</source>
        <translation>采样间隔(&amp;I)：</translation>
    </message>
    <message>
        <source>optional, e.g. https://prometheus.example:9090</source>
        <translation>可选，例如 https://prometheus.example:9090</translation>
    </message>
    <message>
        <source>&amp;Prometheus URL:</source>
        <translation>Prometheus URL(&amp;P)：</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>无令牌</translation>
    </message>
    <message>
        <source>Ask when connecting</source>
        <translation>连接时询问</translation>
    </message>
    <message>
        <source>From an environment variable</source>
        <translation>来自环境变量</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <source>Bearer &amp;token:</source>
        <translation>Bearer 令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>variable name or file path</source>
        <translation>变量名或文件路径</translation>
    </message>
    <message>
        <source>Token &amp;variable or file:</source>
        <translation>令牌变量或文件(&amp;V)：</translation>
    </message>
    <message>
        <source>The token itself is never saved: NodeTriage reads it from the source you name each time it connects.</source>
        <translation>令牌本身永远不会被保存：NodeTriage 每次连接时都会从您指定的来源读取它。</translation>
    </message>
    <message>
        <source>from ~/.ssh/config, e.g. azureuser</source>
        <translation>来自 ~/.ssh/config，例如 azureuser</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>SSH 用户(&amp;U)：</translation>
    </message>
    <message>
        <source>from ~/.ssh/config or the agent</source>
        <translation>来自 ~/.ssh/config 或代理</translation>
    </message>
    <message>
        <source>SSH &amp;key:</source>
        <translation>SSH 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>Choose an SSH private key</source>
        <translation>选择 SSH 私钥</translation>
    </message>
    <message>
        <source>[user@]host[:port], e.g. azureuser@bastion</source>
        <translation>[user@]host[:port]，例如 azureuser@bastion</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>跳板机(&amp;J)：</translation>
    </message>
    <message>
        <source>Known &amp;hosts file:</source>
        <translation>已知主机文件(&amp;H)：</translation>
    </message>
    <message>
        <source>Choose a known_hosts file</source>
        <translation>选择 known_hosts 文件</translation>
    </message>
    <message>
        <source>DNS &amp;probe pod image:</source>
        <translation>DNS 探测 Pod 镜像(&amp;P)：</translation>
    </message>
    <message>
        <source>The Prometheus URL must be an http:// or https:// address.</source>
        <translation>Prometheus URL 必须是 http:// 或 https:// 地址。</translation>
    </message>
    <message>
        <source>Put no user name or password in the Prometheus URL; choose a token source instead.</source>
        <translation>请勿在 Prometheus URL 中包含用户名或密码；请改为选择令牌来源。</translation>
    </message>
    <message>
        <source>Name the environment variable that holds the token.</source>
        <translation>请指定保存令牌的环境变量名称。</translation>
    </message>
    <message>
        <source>Name the file that holds the token.</source>
        <translation>请指定保存令牌的文件名称。</translation>
    </message>
    <message>
        <source>The jump host must look like [user@]host[:port].</source>
        <translation>跳板机的格式必须为 [user@]host[:port]。</translation>
    </message>
    <message>
        <source>The probe image must be an image reference such as registry.example/busybox:1.36.</source>
        <translation>探测镜像必须是镜像引用，例如 registry.example/busybox:1.36。</translation>
    </message>
</context>
<context>
    <name>nt::ui::SshConsoleLauncher</name>
    <message>
        <source>Open SSH console</source>
        <translation>打开 SSH 控制台</translation>
    </message>
</context>
<context>
    <name>nt::ui::SshConsoleWindow</name>
    <message>
        <source>SSH console</source>
        <translation>SSH 控制台</translation>
    </message>
    <message>
        <source>Press Connect to reconnect.</source>
        <translation>按“连接”以重新连接。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>node address</source>
        <translation>节点地址</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>jump host: [user@]host[:port]</source>
        <translation>跳板机：[user@]host[:port]</translation>
    </message>
    <message>
        <source>identity file (optional)</source>
        <translation>身份文件（可选）</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Jump</source>
        <translation>跳板机</translation>
    </message>
    <message>
        <source>Node-side checks</source>
        <translation>节点侧检查</translation>
    </message>
    <message>
        <source>x.hcp.region.azmk8s.io</source>
        <translation>x.hcp.region.azmk8s.io</translation>
    </message>
    <message>
        <source>API server</source>
        <translation>API 服务器</translation>
    </message>
    <message>
        <source>Journal since</source>
        <translation>日志起始时间</translation>
    </message>
    <message>
        <source>Save transcript...</source>
        <translation>保存会话记录...</translation>
    </message>
    <message>
        <source>SSH console - %1</source>
        <translation>SSH 控制台 - %1</translation>
    </message>
    <message>
        <source>Passphrase asked for the key %1 (the answer is not recorded)</source>
        <translation>已询问密钥 %1 的密码短语（答复不会被记录）</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥密码短语</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>%1 的密码短语：</translation>
    </message>
    <message>
        <source>Wrong passphrase. Passphrase for %1:</source>
        <translation>密码短语错误。%1 的密码短语：</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Trying authentication: %1</source>
        <translation>正在尝试身份验证：%1</translation>
    </message>
    <message>
        <source>The host &apos;%1&apos; is not a valid address or host name.</source>
        <translation>主机 &apos;%1&apos; 不是有效的地址或主机名。</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接到 %1</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接到 %1...</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>已连接到 %1。</translation>
    </message>
    <message>
        <source>The shell on %1 ended with exit status %2.</source>
        <translation>%1 上的 shell 已结束，退出状态为 %2。</translation>
    </message>
    <message>
        <source>The shell on %1 was closed.</source>
        <translation>%1 上的 shell 已关闭。</translation>
    </message>
    <message>
        <source>Disconnected from %1</source>
        <translation>已与 %1 断开连接</translation>
    </message>
    <message>
        <source>Disconnected from %1.</source>
        <translation>已与 %1 断开连接。</translation>
    </message>
    <message>
        <source>Connect to the node first: &apos;%1&apos; runs on it.</source>
        <translation>请先连接到节点：&apos;%1&apos; 在节点上运行。</translation>
    </message>
    <message>
        <source>Run &apos;Tunnel containers&apos; first: it finds the container whose logs to read.</source>
        <translation>请先运行“隧道容器”：它会找到要读取日志的容器。</translation>
    </message>
    <message>
        <source>Running &apos;%1&apos; on %2...</source>
        <translation>正在 %2 上运行 &apos;%1&apos;...</translation>
    </message>
    <message>
        <source>Save transcript</source>
        <translation>保存会话记录</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>Transcript saved to %1.</source>
        <translation>会话记录已保存到 %1。</translation>
    </message>
    <message>
        <source>The password was refused.</source>
        <translation>密码被拒绝。</translation>
    </message>
    <message>
        <source>Password asked (the answer is not recorded)</source>
        <translation>已询问密码（回答不会被记录）</translation>
    </message>
    <message>
        <source>The password was refused; try again.</source>
        <translation>密码被拒绝，请重试。</translation>
    </message>
    <message>
        <source>The server refused the answers.</source>
        <translation>服务器拒绝了回答。</translation>
    </message>
    <message>
        <source>Keyboard-interactive authentication asked (the answers are not recorded)</source>
        <translation>已进行 keyboard-interactive 认证询问（回答不会被记录）</translation>
    </message>
    <message>
        <source>The server refused the answer; try again.</source>
        <translation>服务器拒绝了回答，请重试。</translation>
    </message>
    <message>
        <source>Keyboard-interactive authentication</source>
        <translation>keyboard-interactive 认证</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
</context>
<context>
    <name>nt::ui::StepCatalog</name>
    <message>
        <source>Node health</source>
        <translation>节点健康状况</translation>
    </message>
    <message>
        <source>Every worker node should report Ready and no pressure. This step lists the nodes by pool with their conditions, taints and the age of their last heartbeat, and marks the ones that need attention.</source>
        <translation>每个工作节点都应报告 Ready 且无压力。此步骤按节点池列出节点及其条件、污点和上次心跳距今的时间，并标出需要关注的节点。</translation>
    </message>
    <message>
        <source>Control plane ↔ node connectivity</source>
        <translation>控制平面 ↔ 节点连通性</translation>
    </message>
    <message>
        <source>DNS resolution</source>
        <translation>DNS 解析</translation>
    </message>
    <message>
        <source>Kubelet errors</source>
        <translation>kubelet 错误</translation>
    </message>
    <message>
        <source>Node Problem Detector</source>
        <translation>节点问题检测器 (NPD)</translation>
    </message>
    <message>
        <source>Disk IOPS throttling</source>
        <translation>磁盘 IOPS 限流</translation>
    </message>
    <message>
        <source>The API server reaches each kubelet through a tunnel agent running in kube-system (konnectivity-agent on current clusters, tunnelfront or aks-link on older ones). When egress rules or routes block it, logs, exec and port-forward fail while the nodes may still look Ready. This step checks the agent&apos;s rollout, its restarts and the last lines of its logs (telling real failures from harmless stream closures), the legacy tunnels, and whether the API server can read pod logs at all.</source>
        <translation>API 服务器通过运行在 kube-system 中的隧道代理访问各个 kubelet（当前集群为 konnectivity-agent，较旧的集群为 tunnelfront 或 aks-link）。出站规则或路由阻断隧道时，logs、exec 和 port-forward 会失败，而节点看起来可能仍是 Ready。此步骤检查代理的发布状态、重启次数和最近的日志（区分真正的故障与无害的流关闭）、旧版隧道，以及 API 服务器能否读取 Pod 日志。</translation>
    </message>
    <message>
        <source>Nodes and pods must resolve the API server&apos;s name; private clusters depend on the DNS servers configured on the virtual network. This step resolves the name from this computer, from a short-lived probe pod (only when you allow it) and from the nodes, checks CoreDNS, and compares the answers to tell a CoreDNS fault from a network or custom-DNS fault.</source>
        <translation>节点和 Pod 必须能解析 API 服务器的名称；私有集群依赖虚拟网络上配置的 DNS 服务器。此步骤分别从本机、短时运行的探测 Pod（仅在你允许时）和节点解析该名称，检查 CoreDNS，并比较各处的应答，以区分 CoreDNS 故障与网络或自定义 DNS 故障。</translation>
    </message>
    <message>
        <source>A kubelet starved of CPU, memory or disk, or one that keeps restarting, makes its node unreliable. This step follows each kubelet&apos;s error counters, PLEG latency and restarts over a sampling window, reads the node events, and flags counts that keep rising rather than a single blip.</source>
        <translation>kubelet 缺少 CPU、内存或磁盘资源，或不断重启，都会使所在节点不可靠。此步骤在采样窗口内跟踪每个 kubelet 的错误计数、PLEG 延迟和重启次数，读取节点事件，并标记持续上升的计数，而不是一次性的抖动。</translation>
    </message>
    <message>
        <source>Node Problem Detector runs on every AKS node and turns kernel, runtime and file-system troubles into node conditions and events. This step reads those conditions and the detector&apos;s recent events on every node, each with what it means and what to do.</source>
        <translation>Node Problem Detector 运行在每个 AKS 节点上，把内核、容器运行时和文件系统的问题转换为节点状况和事件。此步骤读取每个节点上的这些状况以及检测器最近的事件，并逐一说明其含义和处理办法。</translation>
    </message>
    <message>
        <source>When the workload asks more of the OS disk than its provisioned IOPS or throughput, the node waits on I/O and can drop to NotReady. This step samples each node&apos;s disk activity over a window, compares it with the limit of its VM size and disk tier, and flags throttling that lasts rather than one busy moment.</source>
        <translation>当工作负载对 OS 磁盘的需求超过其预配的 IOPS 或吞吐量时，节点会等待 I/O，并可能变为 NotReady。此步骤在一个窗口内对每个节点的磁盘活动采样，与其 VM 规格和磁盘层级的上限比较，并标记持续的限流，而不是一时的繁忙。</translation>
    </message>
</context>
<context>
    <name>nt::ui::StepRail</name>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1. %2
%3</source>
        <translation>%1. %2
%3</translation>
    </message>
    <message>
        <source>Step %1, %2: %3</source>
        <translation>步骤 %1，%2：%3</translation>
    </message>
    <message>
        <source>Summary
all steps, export</source>
        <translation>汇总
全部步骤、导出</translation>
    </message>
    <message>
        <source>Every step&apos;s status and the findings of all steps, worst first</source>
        <translation>各步骤的状态和所有步骤的发现，最严重的在前</translation>
    </message>
    <message>
        <source>Summary of all steps</source>
        <translation>全部步骤汇总</translation>
    </message>
</context>
<context>
    <name>nt::ui::StepStatusText</name>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>could not run</source>
        <translation>无法运行</translation>
    </message>
</context>
<context>
    <name>nt::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Run the steps to see what is wrong, worst first.</source>
        <translation>运行各步骤以查看问题所在，最严重的在前。</translation>
    </message>
    <message>
        <source>Run &amp;all steps</source>
        <translation>运行全部步骤(&amp;A)</translation>
    </message>
    <message>
        <source>Run steps 2 to 6 in one pass over a common sampling window (reads only; the DNS probe pod is not created)</source>
        <translation>在同一采样窗口内一次运行第 2 到第 6 步（只读；不创建 DNS 探测 Pod）</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>S&amp;teps:</source>
        <translation>步骤(&amp;T)：</translation>
    </message>
    <message>
        <source>F&amp;indings of all steps, worst first:</source>
        <translation>所有步骤的发现(&amp;I)，最严重的在前：</translation>
    </message>
    <message>
        <source>No findings so far.</source>
        <translation>目前没有发现。</translation>
    </message>
    <message>
        <source>%1 critical, %2 warnings; the worst first below.</source>
        <translation>%1 项严重，%2 项警告；下面最严重的在前。</translation>
    </message>
</context>
<context>
    <name>nt::ui::TerminalWidget</name>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
</context>
<context>
    <name>nt::ui::WizardController</name>
    <message>
        <source>no problems</source>
        <translation>无问题</translation>
    </message>
    <message>
        <source>critical: %1 · warnings: %2</source>
        <translation>严重：%1 · 警告：%2</translation>
    </message>
    <message>
        <source>Restart konnectivity-a&amp;gent…</source>
        <translation>重启 konnectivity-agent(&amp;G)…</translation>
    </message>
    <message>
        <source>kubectl rollout restart: new agent pods replace the old ones</source>
        <translation>kubectl rollout restart：新的代理 Pod 替换旧的</translation>
    </message>
    <message>
        <source>Restart the deployment kube-system/%1 (as “kubectl rollout restart” does): its pods are replaced one by one, and logs, exec and port-forward may pause meanwhile.</source>
        <translation>重启 Deployment kube-system/%1（与“kubectl rollout restart”相同）：其 Pod 会逐个被替换，期间 logs、exec 和 port-forward 可能暂时中断。</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>Rollout restart of kube-system/%1</source>
        <translation>滚动重启 kube-system/%1</translation>
    </message>
    <message>
        <source>Delete the selected &amp;pod…</source>
        <translation>删除所选 Pod(&amp;P)…</translation>
    </message>
    <message>
        <source>For a finding on a konnectivity-agent or kube-proxy pod: delete it so that its controller starts a fresh one</source>
        <translation>针对 konnectivity-agent 或 kube-proxy Pod 的发现：删除该 Pod，由其控制器启动一个新的</translation>
    </message>
    <message>
        <source>Delete the pod %1/%2. Its controller (DaemonSet or Deployment) creates a new one.</source>
        <translation>删除 Pod %1/%2。其控制器（DaemonSet 或 Deployment）会创建一个新的。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Deleted pod %1/%2</source>
        <translation>已删除 Pod %1/%2</translation>
    </message>
    <message>
        <source>Run with a &amp;probe pod…</source>
        <translation>使用探测 Pod 运行(&amp;P)…</translation>
    </message>
    <message>
        <source>Resolve the API server&apos;s name from inside the cluster: a short-lived pod runs nslookup and is deleted afterwards</source>
        <translation>从集群内部解析 API 服务器的名称：短时运行的 Pod 执行 nslookup，之后即被删除</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Cancelled; nothing was judged.</source>
        <translation>已取消；未做任何判断。</translation>
    </message>
    <message>
        <source>could not run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation>尚未运行。</translation>
    </message>
    <message>
        <source>Step %1 – %2:
%3</source>
        <translation>第 %1 步 – %2：
%3</translation>
    </message>
    <message>
        <source>%1 was not sent: %2</source>
        <translation>%1 未发送：%2</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>正在发送 %1…</translation>
    </message>
    <message>
        <source>done (HTTP %1)</source>
        <translation>完成（HTTP %1）</translation>
    </message>
    <message>
        <source>failed (HTTP %1)</source>
        <translation>失败（HTTP %1）</translation>
    </message>
    <message>
        <source>%1: %2. Run the step again to see the effect.</source>
        <translation>%1：%2。再次运行该步骤以查看效果。</translation>
    </message>
    <message>
        <source>Run step 3 with a probe pod: a pod in the namespace “default” resolves the API server&apos;s name with the cluster&apos;s DNS, then it is deleted (also when it fails or times out after %1 s).</source>
        <translation>使用探测 Pod 运行第 3 步：在命名空间“default”中创建一个 Pod，用集群 DNS 解析 API 服务器的名称，之后将其删除（失败或 %1 秒后超时也会删除）。</translation>
    </message>
    <message>
        <source>&amp;Create the probe pod</source>
        <translation>创建探测 Pod(&amp;C)</translation>
    </message>
    <message>
        <source>DNS probe pod (step 3)</source>
        <translation>DNS 探测 Pod（第 3 步）</translation>
    </message>
</context>
</TS>
