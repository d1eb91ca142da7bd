//# allFunctionsCalledOnLoad
/* mkdocs-sremgr: assets/src/redirect.js */
"use strict";(()=>{function c(e,t,n){if(!t||!n)return e;for(let r of["#sremgr-","#"])if(e.startsWith(`${r}${t}--`))return`${r}${n}--${e.slice(r.length+t.length+2)}`;return e}if(typeof document<"u"){let e=document.currentScript,t=document.querySelector('link[rel="canonical"]');if(e&&t instanceof HTMLLinkElement&&t.href){let{sremgrFrom:n="",sremgrTo:r=""}=e.dataset;location.replace(t.href.split("#")[0]+c(location.hash,n,r))}}})();
