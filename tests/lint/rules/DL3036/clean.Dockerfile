# expect-none: DL3036
FROM opensuse/leap:15.6
RUN zypper install -y curl=8.0.1 && zypper clean
