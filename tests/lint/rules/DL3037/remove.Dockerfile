# expect-none: DL3037
FROM opensuse/leap:15.6
RUN zypper rm -y curl && zypper clean
