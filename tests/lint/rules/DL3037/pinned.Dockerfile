# expect-none: DL3037
FROM opensuse/leap:15.6
RUN zypper install -y curl=8.0.1 "git>=2.40" && zypper clean
