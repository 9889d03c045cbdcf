// bottleneck's light build (what @octokit/plugin-throttling itself loads) has the same API as its main build.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
