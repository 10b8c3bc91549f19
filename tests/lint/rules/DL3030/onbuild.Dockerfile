# expect: DL3030:3
FROM centos:7
ONBUILD RUN yum groupinstall "Development Tools-1.0" && yum clean all
