# expect-none: DL3030
FROM centos:7
RUN yum --assumeyes install httpd-2.4.6 && yum clean all
