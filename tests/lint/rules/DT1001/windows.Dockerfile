# expect-none: DT1001
# Windows images pick their own default user (ContainerUser on nanoserver).
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
RUN echo hello
